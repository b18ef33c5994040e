import { never, type CollectionRules } from "../rules.js";

export const importPreview: CollectionRules = { A: never };
