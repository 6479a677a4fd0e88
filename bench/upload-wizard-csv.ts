// The wizard benches' file (bench/upload-wizard.ts in the browser, bench/upload-wizard-worker.ts in Node).

/**
 * A debt-collection export as loan books write them: the campaign's columns under other names,
 * two columns that are not imported, and every tenth row bad in one of six ways.
 */
export function generateCsv(rows: number, dates: "dmy" | "iso"): string {
  const lines = [
    "Loan Account,Customer First Name,Surname,Mobile No,Principal,EMI Amt,Tenure,EMI Number,Due Date,Status,Preferred Language,Branch,Address",
  ];
  const stamp = Date.now().toString(36);
  for (let i = 0; i < rows; i++) {
    const id = `LN-${stamp}-${String(i).padStart(7, "0")}`;
    let phone = String(9_000_000_000 + i);
    let first = `Customer ${i % 977}`;
    const [mm, dd] = [String((i % 12) + 1).padStart(2, "0"), String((i % 28) + 1).padStart(2, "0")];
    let due = dates === "iso" ? `2025-${mm}-${dd}` : `${dd}/${mm}/2025`;
    let status = ["pending", "paid", "partial", "bounced"][i % 4];
    let loan = id;
    if (i % 10 === 9) {
      const kind = ((i / 10) % 6) | 0;
      if (kind === 0) phone = "12345";
      if (kind === 1) phone = "9.19877E+11";
      if (kind === 2) first = "";
      if (kind === 3) due = dates === "iso" ? "2025-02-30" : "30/02/2025";
      if (kind === 4) status = "unknown";
      if (kind === 5) loan = `LN-${stamp}-${String(i - 9).padStart(7, "0")}`;
    }
    const address = `"${(i % 400) + 1}, ${["MG Road", "Park Street", "Anna Salai", "Linking Road"][i % 4]}, ${["Bengaluru", "Kolkata", "Chennai", "Mumbai"][i % 4]} 5600${i % 90}"`;
    lines.push(
      `${loan},${first},Verma,${phone},${250000 + (i % 50) * 1000},${12500 + (i % 30) * 10}.50,24,${(i % 24) + 1},${due},${status},${["hindi", "english", "tamil"][i % 3]},Branch ${i % 120},${address}`,
    );
  }
  return lines.join("\r\n");
}
