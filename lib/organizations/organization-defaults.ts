import { isSupportedCountry } from "libphonenumber-js/max";
import { isTimeZone } from "@/lib/campaigns/campaign-input";
import { db } from "@/lib/db/client";
import type { DomainContext } from "@/lib/domain/context";
import { Forbidden, Invalid } from "@/lib/domain/errors";
import type { OrganizationDefaults } from "@/lib/organizations/organization-defaults-input";

// Where a default is needed and the request names none: a new campaign's time zone and phone
// country, and the country of a global DNC number written without a country code.

export async function getOrganizationDefaults(organizationId: string): Promise<OrganizationDefaults> {
  const org = await db.organization.findUniqueOrThrow({
    where: { id: organizationId },
    select: { defaultPhoneCountry: true, defaultTimezone: true },
  });
  return { phoneCountry: org.defaultPhoneCountry, timezone: org.defaultTimezone };
}

/** Admins only. Each value is checked against the server's lists; a problem names its field. */
export async function updateOrganizationDefaults(ctx: DomainContext, input: OrganizationDefaults): Promise<OrganizationDefaults> {
  if (ctx.actor.role !== "admin") throw new Forbidden("Only admins can change the organization defaults");
  const issues = [
    ...(isSupportedCountry(input.phoneCountry) ? [] : [`phoneCountry: ${countryProblem(input.phoneCountry)}`]),
    ...(isTimeZone(input.timezone)
      ? []
      : [`timezone: ${input.timezone} is not an IANA time zone this server knows (such as Asia/Kolkata)`]),
  ];
  if (issues.length > 0) throw new Invalid("Invalid organization defaults", { issues });
  await db.organization.update({
    where: { id: ctx.organizationId },
    data: { defaultPhoneCountry: input.phoneCountry, defaultTimezone: input.timezone },
  });
  return getOrganizationDefaults(ctx.organizationId);
}

/** What is wrong with a country code libphonenumber does not know (ZZ, XX); null when it knows it. */
export function unknownCountry(value: string): string | null {
  return isSupportedCountry(value) ? null : countryProblem(value);
}

function countryProblem(value: string) {
  return `${value} is not a country code libphonenumber knows (ISO 3166 alpha-2, such as IN)`;
}
