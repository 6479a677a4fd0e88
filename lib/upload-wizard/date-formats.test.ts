import { describe, expect, it } from "vitest";
import { convertDate, detectDateFormat } from "./date-formats";

describe("convertDate", () => {
  it("reads each format people write, and refuses impossible dates", () => {
    expect(convertDate("15/01/2027", "dmy")).toBe("2027-01-15");
    expect(convertDate("15-01-2027", "dmy")).toBe("2027-01-15");
    expect(convertDate("15.01.2027", "dmy")).toBe("2027-01-15");
    expect(convertDate("01/15/2027", "mdy")).toBe("2027-01-15");
    expect(convertDate("15 Jan 2027", "d_mon_y")).toBe("2027-01-15");
    expect(convertDate("15-January-2027", "d_mon_y")).toBe("2027-01-15");
    expect(convertDate("46402", "excel_serial")).toBe("2027-01-15");
    expect(convertDate("59", "excel_serial")).toBe("1900-02-28");
    expect(convertDate("61", "excel_serial")).toBe("1900-03-01");
    expect(convertDate("2027-01-15", "dmy")).toBe("2027-01-15");
    expect(convertDate("31/02/2027", "dmy")).toBeNull();
    expect(convertDate("15/01/2027", "mdy")).toBeNull();
    expect(convertDate("15 Jabber 2027", "d_mon_y")).toBeNull();
    expect(convertDate("soon", "dmy")).toBeNull();
  });
});

describe("detectDateFormat", () => {
  it("a day above 12 proves day-first; one in the second place proves month-first", () => {
    expect(detectDateFormat("d", ["15/01/2027", "03/02/2027", ""], false)).toMatchObject({ guess: "dmy", fits: ["dmy"], ambiguous: false });
    expect(detectDateFormat("d", ["01/15/2027", "02/03/2027"], true)).toMatchObject({ guess: "mdy", fits: ["mdy"], ambiguous: false });
  });

  it("all days 12 or less: both fit, the campaign's country suggests, the operator must choose", () => {
    const column = detectDateFormat("d", ["03/02/2027", "04/05/2027"], true);
    expect(column).toMatchObject({ fits: ["dmy", "mdy"], guess: "dmy", ambiguous: true });
    expect(column.samples).toEqual([
      { raw: "03/02/2027", iso: "2027-02-03" },
      { raw: "04/05/2027", iso: "2027-05-04" },
    ]);
    expect(detectDateFormat("d", ["03/02/2027"], false).guess).toBe("mdy");
  });

  it("ISO columns, names of months and Excel serials", () => {
    expect(detectDateFormat("d", ["2027-01-15", "2027-02-01"], true)).toMatchObject({ guess: "iso", ambiguous: false, samples: [] });
    expect(detectDateFormat("d", ["15 Jan 2027", "1 Feb 2027"], true)).toMatchObject({ guess: "d_mon_y" });
    expect(detectDateFormat("d", ["46402", "46403"], true)).toMatchObject({ guess: "excel_serial" });
    expect(detectDateFormat("d", ["2027-01-15", "15/01/2027"], true)).toMatchObject({ guess: "dmy", ambiguous: false });
  });
});
