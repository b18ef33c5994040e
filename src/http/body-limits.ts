// Body limits below the configured OPENSLIDES_MAX_BODY_BYTES (100 MiB, needed for media uploads in
// action requests). Reading and parsing a body blocks the event loop in proportion to its size.

/**
 * For routes whose payloads are small by nature (ICC notify, vote ballots, projector preview,
 * search) and for action and presenter requests without signed credentials: the usual default
 * of reverse proxies (nginx's client_max_body_size).
 */
export const SMALL_BODY_BYTES = 1024 * 1024;
