import type { Coverage } from '@/lib/packages';

function list(names: string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/** "All classes and 1:1 sessions of Massage", "Only Morning Flow and Pilates", "No classes; 1:1 sessions of Massage". */
export function coverageSentence(c: Coverage): string {
  const classes =
    c.classes === 'all'
      ? 'All classes'
      : c.classes === 'selected'
        ? c.class_titles.length
          ? `Only these classes: ${list(c.class_titles)}`
          : 'Only some classes (none on the schedule now)'
        : 'No group classes';
  if (c.session_names.length === 0) return c.classes === 'none' ? 'Nothing can be booked with it' : classes;
  return `${classes}; 1:1 sessions: ${list(c.session_names)}`;
}
