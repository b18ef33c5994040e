// An HTTP client for tests that behaves like the web client: it keeps the refreshId cookie and
// the `authentication` header between calls and adopts renewed tokens from responses.
export interface Answer {
  status: number;
  headers: Headers;
  body: any;
  text: string;
}

export class Client {
  cookie?: string;
  token?: string;

  constructor(readonly baseUrl: string) {}

  async request(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Answer> {
    const sendHeaders: Record<string, string> = { ...headers };
    if (body !== undefined && !sendHeaders["content-type"]) sendHeaders["content-type"] = "application/json";
    if (this.token) sendHeaders.authentication = this.token;
    if (this.cookie) sendHeaders.cookie = this.cookie;
    const response = await fetch(this.baseUrl + path, {
      method,
      headers: sendHeaders,
      body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
    });
    const renewed = response.headers.get("authentication");
    if (renewed) this.token = renewed;
    const setCookie = response.headers.get("set-cookie");
    if (setCookie) {
      const value = /refreshId=([^;]*)/.exec(setCookie)?.[1];
      this.cookie = value ? `refreshId=${value}` : undefined;
    }
    const text = await response.text();
    let parsed: unknown = undefined;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = undefined;
    }
    return { status: response.status, headers: response.headers, body: parsed, text };
  }

  get(path: string, headers?: Record<string, string>): Promise<Answer> {
    return this.request("GET", path, undefined, headers);
  }

  post(path: string, body?: unknown, headers?: Record<string, string>): Promise<Answer> {
    return this.request("POST", path, body ?? {}, headers);
  }

  async login(username: string, password: string): Promise<Answer> {
    const answer = await this.post("/system/auth/login", { username, password });
    if (answer.status !== 200) throw new Error(`login of ${username} failed: ${answer.status} ${answer.text}`);
    return answer;
  }
}
