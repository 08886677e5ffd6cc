// `GET /countries/{code}/authorizations` and `/countries/authorizations` (SDK Regulatory service): what
// MANGOPAY allows per country for users' residence/nationality, bank accounts and payouts. These
// paths have no ClientId (core/pipeline.ts resolves the client from the token).
import { notFound } from "../core/errors";

const CODES =
  "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ " +
  "CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR " +
  "GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO " +
  "JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR " +
  "MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO " +
  "RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV " +
  "TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS XK YE YT ZA ZM ZW";

/** Comprehensively sanctioned countries: everything blocked. The list is the emulator's choice. */
const BLOCKED_ALL = new Set(["KP", "IR", "SY", "CU", "RU", "BY"]);
/** High-risk countries: users may exist, but no bank account or payout there (emulator's choice). */
const BLOCKED_PAYOUTS = new Set(["AF", "MM", "YE", "SO", "SS", "VE"]);
/** The date the emulator's table was last "updated" (2025-01-01). */
const LAST_UPDATE = 1_735_689_600;

let names: Intl.DisplayNames | null = null;

export interface CountryAuthorization {
  CountryCode: string;
  CountryName: string;
  Authorization: { BlockUserCreation: boolean; BlockBankAccountCreation: boolean; BlockPayout: boolean };
  LastUpdate: number;
}

function authorizationOf(code: string): CountryAuthorization {
  names ??= new Intl.DisplayNames(["en"], { type: "region" });
  const all = BLOCKED_ALL.has(code);
  const payouts = all || BLOCKED_PAYOUTS.has(code);
  return {
    CountryCode: code,
    CountryName: names.of(code) ?? code,
    Authorization: { BlockUserCreation: all, BlockBankAccountCreation: payouts, BlockPayout: payouts },
    LastUpdate: LAST_UPDATE,
  };
}

export function countryAuthorization(code: string): CountryAuthorization {
  const upper = code.toUpperCase();
  if (!CODES.split(" ").includes(upper)) throw notFound("Country", code);
  return authorizationOf(upper);
}

export function allCountryAuthorizations(): CountryAuthorization[] {
  return CODES.split(" ").map(authorizationOf);
}
