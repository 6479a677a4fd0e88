// A fixed-offset IANA zone ("Etc/GMT-5" is UTC+5) in which the wall clock now reads `hour`
// o'clock: lets route tests, which run on the real clock, put a campaign inside or outside its
// calling window whatever the time of day the suite runs.
export function zoneWithLocalHour(hour: number, now = new Date()): string {
  let offset = hour - now.getUTCHours();
  if (offset > 14) offset -= 24;
  if (offset < -12) offset += 24;
  // The Etc/GMT names invert the sign (POSIX).
  return offset === 0 ? "Etc/GMT" : offset > 0 ? `Etc/GMT-${offset}` : `Etc/GMT+${-offset}`;
}
