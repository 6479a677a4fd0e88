"use client";

import { useEffect } from "react";
import { MAX_DATA_ROWS } from "@/lib/spreadsheet/limits";
import { mapColumns, type ColumnMapping, type RememberedMapping } from "@/lib/spreadsheet/map-columns";
import type { NumberFormat } from "@/lib/records/number-text";
import { writesDayFirst, type DetectedChoices } from "@/lib/upload-wizard/cell-choices";
import type { DateChoices } from "@/lib/upload-wizard/date-formats";
import type { ValueMappings } from "@/lib/upload-wizard/value-mapping";
import type { UploadWorkerClient } from "@/lib/upload-wizard/worker-client";
import type { SheetPreview } from "@/lib/upload-wizard/worker-protocol";
import type { WizardState } from "@/lib/upload-wizard/wizard-state";
import type { WizardCampaign } from "@/components/upload/wizard-campaign";

// Validation starts while the operator is still looking at the header row and the columns: the
// worker checks the rows for what is on screen (the detected header, the proposed or chosen
// mapping), so the review is ready when they confirm. A different choice simply starts over.
export function usePrepareReview(
  client: UploadWorkerClient | null,
  state: WizardState,
  campaign: WizardCampaign,
  remembered: RememberedMapping | null,
  choices: CellChoices | null,
) {
  const header = state.step === "header" ? state : null;
  useEffect(() => {
    if (!client || !header) return;
    prepareForHeader(client, header.preview, header.headerRow, campaign, remembered);
    // Only what the validation depends on re-runs it, not every render of the step.
  }, [client, header?.preview, header?.headerRow]);

  // On the columns and on the value step: the rows as the current choices would check them.
  const mapped = state.step === "map" || state.step === "values" ? state : null;
  useEffect(() => {
    // Until the date and value columns are read, what to convert them with is unknown.
    if (!client || !mapped || choices === null) return;
    // Choices come in bursts; prepare for the one the operator settles on.
    const timer = setTimeout(() => prepare(client, mapped.headerRow, mapped.mapping, campaign, choices), 300);
    return () => clearTimeout(timer);
  }, [client, mapped?.mapping, JSON.stringify(choices)]);
}

/**
 * The header step's validation: the rows under `headerRow` with the proposed mapping and the cell
 * choices the columns step will offer. The wizard asks for it the moment the preview arrives, before
 * the step renders; the step asks again for its header row, which for the same inputs costs nothing.
 */
export function prepareForHeader(
  client: UploadWorkerClient,
  preview: SheetPreview,
  headerRow: number,
  campaign: WizardCampaign,
  remembered: RememberedMapping | null,
) {
  if (preview.rowCount - headerRow - 1 > MAX_DATA_ROWS) return;
  const headers = (preview.rows[headerRow] ?? []).map((h) => h.trim());
  const { mapping } = mapColumns(headers, campaign.schema.fields, remembered ?? undefined);
  // The cell choices are not made yet: the worker finds the ones the columns step will offer.
  const detect = { dayFirst: writesDayFirst(campaign.policy.defaultCountry), rememberedValues: remembered?.values ?? null };
  prepare(client, headerRow, mapping, campaign, { dates: {}, values: {}, numbers: null, detect });
}

/** What the operator chose about the cells: date formats, mapped enum values, how numbers are written. */
export type CellChoices = { dates: DateChoices; values: ValueMappings; numbers: NumberFormat | null };

function prepare(
  client: UploadWorkerClient,
  headerRow: number,
  mapping: ColumnMapping,
  campaign: WizardCampaign,
  choices: CellChoices & { detect?: DetectedChoices },
) {
  const { schema, policy, duplicatesBy } = campaign;
  void client.call("prepare", { headerRow, mapping, schema, policy, duplicatesBy, ...choices }).catch(() => {});
}
