// Ballot values of the vote service (spec icc-vote 2.6): decoding into one of three kinds and the
// validation against the poll's method, options and vote amounts. Texts are upstream's.

export type BallotValue =
  | { kind: "string"; value: string }
  | { kind: "amounts"; value: Record<string, number> }
  | { kind: "letters"; value: Record<string, string> };

export interface BallotPoll {
  pollmethod?: string;
  global_yes?: boolean;
  global_no?: boolean;
  global_abstain?: boolean;
  option_ids?: number[];
  min_votes_amount?: number;
  max_votes_amount?: number;
  max_votes_per_option?: number;
}

const INT_KEY = /^[+-]?\d+$/;

/**
 * The value's kind, or an error text. Upstream tries a string, then option id to amount, then
 * option id to text, and refuses anything else with the value as sent; a JSON null decodes as
 * an empty string, a null inside a map as 0 or "".
 */
export function decodeBallotValue(value: unknown): BallotValue | { error: string } {
  // A missing value decodes to nothing, which validation calls a wrong format (like "").
  if (value === undefined || value === null) return { kind: "string", value: "" };
  if (typeof value === "string") return { kind: "string", value };
  if (typeof value === "object" && !Array.isArray(value)) {
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.every(([key]) => INT_KEY.test(key))) {
      const keyed = entries.map(([key, entry]) => [String(Number(key)), entry] as const);
      if (keyed.every(([, entry]) => entry === null || (typeof entry === "number" && Number.isInteger(entry)))) {
        return { kind: "amounts", value: Object.fromEntries(keyed.map(([key, entry]) => [key, entry ?? 0])) as Record<string, number> };
      }
      if (keyed.every(([, entry]) => entry === null || typeof entry === "string")) {
        return { kind: "letters", value: Object.fromEntries(keyed.map(([key, entry]) => [key, entry ?? ""])) as Record<string, string> };
      }
    }
  }
  return { error: `unknown vote value: \`${JSON.stringify(value)}\`` };
}

/** "" when the ballot is valid, else the reason. */
export function validateBallot(poll: BallotPoll, ballot: BallotValue): string {
  const method = poll.pollmethod ?? "";
  const optionIds = new Set(poll.option_ids ?? []);
  const minVotes = poll.min_votes_amount || 1;
  const maxPerOption = poll.max_votes_per_option || 1;
  const wrongFormat = "Your vote has a wrong format";

  if (ballot.kind === "string") {
    const enabled = { Y: poll.global_yes, N: poll.global_no, A: poll.global_abstain }[ballot.value as "Y" | "N" | "A"];
    if (ballot.value === "") return wrongFormat;
    if (!["Y", "N", "YN", "YNA"].includes(method)) return wrongFormat;
    return enabled ? "" : `Global vote ${ballot.value} is not enabled`;
  }

  if (method === "Y" || method === "N") {
    if (ballot.kind !== "amounts") return wrongFormat;
    const maxVotes = poll.max_votes_amount || 1;
    let sum = 0;
    for (const [optionId, amount] of Object.entries(ballot.value)) {
      if (amount < 0) return `Your vote for option ${optionId} has to be >= 0`;
      if (amount > maxPerOption) return `Your vote for option ${optionId} has to be <= ${maxPerOption}`;
      if (!optionIds.has(Number(optionId))) return `Option_id ${optionId} does not belong to the poll`;
      sum += amount;
    }
    if (sum < minVotes || sum > maxVotes) return `The sum of your answers has to be between ${minVotes} and ${maxVotes}`;
    return "";
  }

  if (method === "YN" || method === "YNA") {
    if (ballot.kind !== "letters") return wrongFormat;
    const maxVotes = poll.max_votes_amount || optionIds.size;
    const entries = Object.entries(ballot.value);
    if (entries.length < minVotes || entries.length > maxVotes) return `You have to select between ${minVotes} and ${maxVotes} options`;
    for (const [optionId, letter] of entries) {
      if (!optionIds.has(Number(optionId))) return `Option_id ${optionId} does not belong to the poll`;
      if (!(letter === "Y" || letter === "N" || (letter === "A" && method === "YNA"))) return `Data for option ${optionId} does not fit the poll method.`;
    }
    return "";
  }
  return wrongFormat;
}
