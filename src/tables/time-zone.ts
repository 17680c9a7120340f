// Wall-clock time in a named time zone ↔ instants (UTC milliseconds). Exports carry local
// times without an offset; the policy's zone says what they mean. Offsets come from Intl
// and are cached per hour, because a million rows must not mean a million Intl calls; and
// wall-clock hours that convert with one offset are cached too (a few lookups per row).
// Pure: never reads the process time zone.

const HOUR = 3_600_000;

export interface ZoneClock {
  readonly zone: string;
  /** Offset of the zone from UTC at an instant, in milliseconds (east positive). */
  offsetAt(utcMs: number): number;
  /** The instant at which the zone's clocks show `wallMs` (wall time written as if UTC). */
  wallToUtc(wallMs: number): number;
  /** The wall time (as if UTC) that the zone's clocks show at an instant. */
  utcToWall(utcMs: number): number;
}

const clocks = new Map<string, ZoneClock>();

/** A clock for an IANA zone (e.g. Asia/Shanghai). Throws RangeError for an unknown zone. */
export function zoneClock(zone: string): ZoneClock {
  let clock = clocks.get(zone);
  if (!clock) {
    clock = makeClock(zone);
    clocks.set(zone, clock);
  }
  return clock;
}

function makeClock(zone: string): ZoneClock {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });
  const byHour = new Map<number, number>();
  let lastHour = NaN;
  let lastOffset = 0;

  const computeOffset = (utcMs: number): number => {
    const parts = format.formatToParts(new Date(utcMs));
    const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
    const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
    // Offsets are whole seconds; the instant's own milliseconds are not in `wall`.
    return wall - (utcMs - (((utcMs % 1000) + 1000) % 1000));
  };

  // A direct-mapped cache in front of the map: exports move through time slowly, so the
  // same few hours come up again and again.
  const cacheHours = new Float64Array(1024).fill(NaN);
  const cacheOffsets = new Float64Array(1024);
  const offsetAt = (utcMs: number): number => {
    const hour = Math.floor(utcMs / HOUR);
    if (hour === lastHour) return lastOffset;
    const line = hour & 1023;
    if (cacheHours[line] === hour) return cacheOffsets[line]!;
    let offset = byHour.get(hour);
    if (offset === undefined) {
      // Every zone in use changes offset on a whole quarter hour, so the hour's first
      // instant stands for the hour except when a change falls inside it; check its end.
      const start = hour * HOUR;
      const atStart = computeOffset(start);
      const atEnd = computeOffset(start + HOUR - 1000);
      offset = atStart === atEnd ? atStart : computeOffset(utcMs);
      if (atStart === atEnd) byHour.set(hour, offset);
    }
    // Only whole hours are remembered: in an hour with a change, the offset depends on the
    // instant, and a remembered one would make the answer depend on what was asked before.
    if (byHour.has(hour)) {
      cacheHours[line] = hour;
      cacheOffsets[line] = offset;
      lastHour = hour;
      lastOffset = offset;
    }
    return offset;
  };

  const convert = (wallMs: number): number => {
    // The usual two-step guess: correct for the offset at the guess, then re-check.
    // In a gap (spring forward) the later offset wins; in an overlap, the earlier instant.
    const first = wallMs - offsetAt(wallMs);
    const second = wallMs - offsetAt(first);
    if (first === second) return first;
    const third = wallMs - offsetAt(second);
    return Math.min(second, third);
  };

  // Wall hours that convert with one offset, direct-mapped: a wall hour qualifies when it
  // and every instant hour its times map to are whole hours of that same offset, which is
  // exactly when `convert` gives wall − offset for every time in it. Then a timestamp costs
  // one lookup instead of two offset lookups.
  const wallHours = new Float64Array(1024).fill(NaN);
  const wallOffsets = new Float64Array(1024);
  const wholeHour = (hour: number, offset: number): boolean => {
    offsetAt(hour * HOUR);
    return byHour.get(hour) === offset;
  };

  return {
    zone,
    offsetAt,
    wallToUtc(wallMs: number): number {
      const hour = Math.floor(wallMs / HOUR);
      const line = hour & 1023;
      if (wallHours[line] === hour) return wallMs - wallOffsets[line]!;
      if (!Number.isFinite(wallMs)) return NaN;
      const utc = convert(wallMs);
      const offset = wallMs - utc;
      const from = hour * HOUR - offset;
      if (wholeHour(hour, offset) && wholeHour(Math.floor(from / HOUR), offset) && wholeHour(Math.floor((from + HOUR - 1) / HOUR), offset)) {
        wallHours[line] = hour;
        wallOffsets[line] = offset;
      }
      return utc;
    },
    utcToWall(utcMs: number): number {
      if (!Number.isFinite(utcMs)) return NaN;
      return utcMs + offsetAt(utcMs);
    },
  };
}

/** `2026-06-28 10:05`: an instant as the zone's wall clock shows it, to the minute (as exports write times). */
export function formatWallMinute(utcMs: number, clock: ZoneClock): string {
  return new Date(clock.utcToWall(utcMs)).toISOString().slice(0, 16).replace('T', ' ');
}

/** `2026-10-01T00:00:00+08:00`: an instant as the zone's wall time with its offset. */
export function formatInstant(utcMs: number, clock: ZoneClock): string {
  const offset = clock.offsetAt(utcMs);
  const wall = new Date(utcMs + offset).toISOString().slice(0, 19);
  const sign = offset < 0 ? '-' : '+';
  const minutes = Math.abs(offset) / 60_000;
  const hh = String(Math.floor(minutes / 60)).padStart(2, '0');
  const mm = String(minutes % 60).padStart(2, '0');
  return `${wall}${sign}${hh}:${mm}`;
}

/** The calendar day of `now` in `timeZone`, as YYYY-MM-DD: today, where the policy is. */
export function dayIn(now: Date, timeZone: string): string {
  return formatInstant(now.getTime(), zoneClock(timeZone)).slice(0, 10);
}
