/** influenceMatrix: every sector × channel-of-influence pair, marked linked when the channel names the sector. */
import type { Dataset } from '../dataset/schema.js';
import { listing, sourcesOf } from './format.js';
import { sectorName } from './sectors.js';
import type { DerivedTable, Row } from './types.js';

export function influenceMatrix(dataset: Dataset): DerivedTable {
  const rows: Row[] = dataset.channels.flatMap((c) =>
    dataset.sectors.map((s) => ({
      channelId: c.id,
      channel: c.name,
      sectorId: s.id,
      sector: sectorName(s),
      linked: c.sectors.includes(s.id) ? 'Linked (our reading)' : 'Not linked',
    })),
  );
  return {
    name: 'influenceMatrix',
    columns: [
      { name: 'channel', label: 'Channel of influence', type: 'string' },
      { name: 'sector', label: 'Sector', type: 'string' },
      { name: 'linked', label: 'Link', type: 'string' },
    ],
    rows,
    sources: sourcesOf(dataset.channels),
    notes: [],
    summary:
      dataset.channels.length === 0
        ? 'No channels of influence in the dataset.'
        : `The sectors each channel of international influence involves: ${listing(
            dataset.channels.map((c) => {
              const names = dataset.sectors.filter((s) => c.sectors.includes(s.id)).map(sectorName);
              return `${c.name}: ${names.length > 0 ? listing(names) : 'no sector named'}`;
            }),
          )}.`,
  };
}
