import { throughRelation, withPermission, type CollectionRules } from "../rules.js";

export const assignment: CollectionRules = { A: withPermission("assignment", "assignment.can_see") };

export const assignmentCandidate: CollectionRules = { A: throughRelation("assignment_candidate", "assignment_id", "assignment") };
