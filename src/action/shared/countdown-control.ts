// upstream CountdownControl: start, stop, reset or restart a projector countdown through
// projector_countdown.update (the countdowns coupled to lists of speakers and polls).
import projectorCountdownUpdate from "../actions/projector_countdown/update.js";
import type { ActionContext, Instance } from "../framework/types.js";

export type CountdownCommand = "start" | "stop" | "reset" | "restart";

/** upstream CountdownControl.control_countdown, through projector_countdown.update. */
export async function controlCountdown(ctx: ActionContext, countdownId: number, command: CountdownCommand, defaultTime?: number): Promise<void> {
  const countdown = await ctx.db.get(`projector_countdown/${countdownId}`, ["countdown_time", "default_time"]);
  const base = Number(defaultTime ?? countdown.default_time ?? 0);
  const current = Number(countdown.countdown_time ?? 0);
  const now = Math.round(Date.now() / 1000);
  let running: boolean;
  let countdownTime: number;
  switch (command) {
    case "start":
      [running, countdownTime] = [true, current + now];
      break;
    case "stop":
      [running, countdownTime] = [false, current - now];
      break;
    case "reset":
      [running, countdownTime] = [false, base];
      break;
    case "restart":
      [running, countdownTime] = [true, base + now];
      break;
  }
  const data: Instance = { id: countdownId, running, countdown_time: countdownTime };
  if (defaultTime !== undefined) data.default_time = defaultTime;
  await ctx.execute(projectorCountdownUpdate, [data]);
}
