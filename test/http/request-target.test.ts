// The request target's path and query as the URL parser gives them, also where parseTarget
// takes its shortcut; and the request's abort without an AbortSignal.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { parseTarget, RequestAbort } from "../../src/http/request.js";

const TARGETS = [
  "/",
  "/system/autoupdate",
  "/system/autoupdate?single=1&compress",
  "/system/autoupdate?k=user/1/username,user/1/first_name",
  "/system/autoupdate/",
  "/a//b",
  "/a/./b",
  "/a/../b",
  "/a/..",
  "/a/.",
  "/a/.../b",
  "/a/.b/c",
  "/%2e%2e/x",
  "/a%2Fb",
  "/a\\b",
  "//host/path",
  "/x??a=1",
  "/x?a=1#frag",
  "/x?a+b=c%20d&&=e",
  "/x?é=ü",
  "/x?a='b'&c=\"d\"",
  "/x?<a>=`b`",
  "/é",
  "/a b",
  "*",
];

describe("request target", () => {
  for (const target of TARGETS) {
    test(`${target} reads as the URL parser reads it`, () => {
      const url = new URL(target, "http://localhost");
      const { path, query } = parseTarget(target);
      assert.equal(path, url.pathname);
      assert.deepEqual([...query], [...url.searchParams]);
    });
  }
});

describe("request abort", () => {
  test("callbacks run once with the reason; removed ones do not run", () => {
    const abort = new RequestAbort();
    const seen: unknown[] = [];
    abort.onAbort((reason) => seen.push(["first", reason]));
    const remove = abort.onAbort((reason) => seen.push(["removed", reason]));
    remove();
    abort.abort("gone");
    abort.abort("again");
    assert.deepEqual(seen, [["first", "gone"]]);
  });

  test("a callback registered after the abort runs at once", () => {
    const abort = new RequestAbort();
    abort.abort("gone");
    let reason: unknown;
    abort.onAbort((value) => (reason = value));
    assert.equal(reason, "gone");
  });

  test("the signal, made before or after the abort, carries the reason", () => {
    const early = new RequestAbort();
    const signal = early.signal;
    early.abort("before");
    assert.equal(signal.aborted, true);
    assert.equal(signal.reason, "before");
    const late = new RequestAbort();
    late.abort("after");
    assert.equal(late.signal.aborted, true);
    assert.equal(late.signal.reason, "after");
  });
});
