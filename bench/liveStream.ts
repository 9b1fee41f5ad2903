/**
 * Make generated records look like a live stream of counter registrations (used by
 * bench/ingestClient.ts and bench/parcelWrites.ts): each is accepted at the moment it is
 * registered (`at`, the server's clock, one second earlier per 1,000 records before the last),
 * and each courier's waybill numbers come in the order its electronic-waybill system issues
 * them (the same numbers, sorted per courier). The generator's records spread over 90 days
 * with scrambled serials, as a bulk import of history does. Changes the records in place.
 */
export function live(records: Array<{ courier: string; waybillNo: string; acceptedAt: string }>, at: Date): void {
  const byCourier = new Map<string, string[]>();
  for (const r of records) {
    const list = byCourier.get(r.courier);
    if (list) list.push(r.waybillNo);
    else byCourier.set(r.courier, [r.waybillNo]);
  }
  for (const list of byCourier.values()) list.sort((a, b) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0));
  const next = new Map<string, number>();
  records.forEach((r, i) => {
    const k = next.get(r.courier) ?? 0;
    next.set(r.courier, k + 1);
    r.waybillNo = byCourier.get(r.courier)![k]!;
    r.acceptedAt = new Date(at.getTime() - Math.floor((records.length - i) / 1000) * 1000).toISOString();
  });
}
