-- Rows left by deleted campaigns / organizations before these keys existed.
DELETE FROM "workflow_runs" r WHERE NOT EXISTS (SELECT 1 FROM "campaigns" c WHERE c."id" = r."campaignId");
DELETE FROM "message_templates" t WHERE NOT EXISTS (SELECT 1 FROM "organizations" o WHERE o."id" = t."organizationId");
DELETE FROM "messages" m WHERE NOT EXISTS (SELECT 1 FROM "campaigns" c WHERE c."id" = m."campaignId");
-- AddForeignKey
ALTER TABLE "workflow_runs" ADD CONSTRAINT "workflow_runs_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "campaigns"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "message_templates" ADD CONSTRAINT "message_templates_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "messages" ADD CONSTRAINT "messages_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "campaigns"("id") ON DELETE CASCADE ON UPDATE CASCADE;
