"use client";

import { useEffect, useRef, useState } from "react";
import type { ColumnMapping } from "@/lib/spreadsheet/map-columns";
import type { NumberFormat } from "@/lib/records/number-text";
import type { DateChoices } from "@/lib/upload-wizard/date-formats";
import type { ReadOverrides } from "@/lib/upload-wizard/read-upload";
import { clearDraft, DRAFT_VERSION, draftEditOf, readDraft, saveDraft, type UploadDraft } from "@/lib/upload-wizard/upload-draft";
import type { ValueMappings } from "@/lib/upload-wizard/value-mapping";
import type { UploadWorkerClient } from "@/lib/upload-wizard/worker-client";
import type { WizardCampaign } from "@/components/upload/wizard-campaign";

// Keeps the wizard's work in the browser as the operator goes (upload-draft.ts) and offers the
// last draft back when the upload page opens. The file and how it was read are noted as they are
// chosen; the draft is written when the review is ready, after every edit, and when sending
// starts; a finished, discarded or restarted upload clears it.

export type DraftKeeper = {
  /** The draft found when the page opened, until it is resumed or discarded. */
  offered: UploadDraft | null;
  discard: () => void;
  /** The offered draft was replayed: it is the live one again, and the operator's next edits are journaled. */
  adopt: (draft: UploadDraft) => void;
  fileChosen: (file: File) => void;
  reread: (overrides: ReadOverrides) => void;
  sheetChosen: (sheet: number) => void;
  reviewReady: (work: {
    headerRow: number;
    mapping: ColumnMapping;
    dates: DateChoices;
    values: ValueMappings;
    numbers: NumberFormat | null;
    viaValues: boolean;
    rows: number;
  }) => void;
  submitting: (submission: NonNullable<UploadDraft["submission"]>) => void;
  /** The upload finished, was restarted, or went back before the review: nothing to resume. */
  clear: () => void;
};

export function useUploadDraft(client: UploadWorkerClient | null, campaign: WizardCampaign): DraftKeeper {
  const [offered, setOffered] = useState<UploadDraft | null>(null);
  const reading = useRef<{ file: File | Blob | null; name: string; overrides: ReadOverrides | null; sheet: number }>({
    file: null,
    name: "",
    overrides: null,
    sheet: 0,
  });
  const live = useRef<UploadDraft | null>(null);
  const journaling = useRef(false);
  const writes = useRef<Promise<unknown>>(Promise.resolve());

  const write = (work: () => Promise<void>) => {
    writes.current = writes.current.then(work, work);
  };
  const save = (withFile = false) => {
    const draft = live.current;
    if (draft) write(() => saveDraft(draft, withFile));
  };

  useEffect(() => {
    let current = true;
    void readDraft(campaign.id).then((draft) => current && setOffered(draft));
    return () => {
      current = false;
    };
  }, [campaign.id]);

  // Every edit the worker accepted during the review, in order.
  useEffect(() => {
    if (!client) return;
    return client.onCalled((call) => {
      const edit = draftEditOf(call);
      if (!edit || !journaling.current || !live.current || live.current.step !== "review") return;
      live.current = { ...live.current, edits: [...live.current.edits, edit] };
      save();
    });
  }, [client]);

  return {
    offered,
    discard: () => {
      setOffered(null);
      write(() => clearDraft(campaign.id));
    },
    adopt: (draft) => {
      setOffered(null);
      live.current = draft;
      reading.current = { file: draft.file.data, name: draft.file.name, overrides: draft.read.overrides, sheet: draft.read.sheet };
      journaling.current = true;
    },
    fileChosen: (file) => {
      setOffered(null);
      reading.current = { file, name: file.name, overrides: null, sheet: 0 };
      live.current = null;
      journaling.current = false;
    },
    reread: (overrides) => {
      reading.current = { ...reading.current, overrides: { ...reading.current.overrides, ...overrides } };
    },
    sheetChosen: (sheet) => {
      reading.current = { ...reading.current, sheet };
    },
    reviewReady: ({ headerRow, mapping, dates, values, numbers, viaValues, rows }) => {
      const { file, name, overrides, sheet } = reading.current;
      if (!file) return;
      live.current = {
        version: DRAFT_VERSION,
        campaignId: campaign.id,
        savedAt: new Date().toISOString(),
        file: { name, data: file },
        read: { overrides, sheet, headerRow },
        choices: { mapping, dates, values, numbers, viaValues },
        rows,
        edits: [],
        step: "review",
        submission: null,
      };
      journaling.current = true;
      save(true);
    },
    submitting: (submission) => {
      if (!live.current) return;
      live.current = { ...live.current, step: "submit", submission };
      save();
    },
    clear: () => {
      if (!live.current) return;
      live.current = null;
      journaling.current = false;
      write(() => clearDraft(campaign.id));
    },
  };
}
