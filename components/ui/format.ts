// Formatting shared by server and client components; one locale so numbers never disagree.
const numberFormat = new Intl.NumberFormat("en-IN");
const dateTimeFormat = new Intl.DateTimeFormat("en-IN", { dateStyle: "medium", timeStyle: "short", timeZone: "Asia/Kolkata" });

export const formatNumber = (n: number) => numberFormat.format(n);
export const formatDateTime = (d: Date | string) => dateTimeFormat.format(typeof d === "string" ? new Date(d) : d);
