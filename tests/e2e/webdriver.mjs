// A small W3C WebDriver client over fetch: just what the end-to-end tests use.
const ELEMENT = "element-6066-11e4-a52e-4f735466cecf";

/** WebDriver's codes for the named keys the tests press. */
const KEYS = {
  Tab: "\uE004",
  Enter: "\uE007",
  Escape: "\uE00C",
  Backspace: "\uE003",
  Shift: "\uE008",
  Ctrl: "\uE009",
  ArrowDown: "\uE015",
  ArrowUp: "\uE013",
};

export class Session {
  constructor(base, id) {
    this.base = base;
    this.id = id;
  }

  static async create(base, capabilities) {
    const reply = await request(base, "POST", "/session", {
      capabilities: { alwaysMatch: capabilities },
    });
    return new Session(base, reply.sessionId);
  }

  command(method, path, body) {
    return request(this.base, method, `/session/${this.id}${path}`, body);
  }

  async find(css) {
    const element = await this.command("POST", "/element", { using: "css selector", value: css });
    return new Element(this, element[ELEMENT]);
  }

  async findAll(css) {
    const elements = await this.command("POST", "/elements", { using: "css selector", value: css });
    return elements.map((e) => new Element(this, e[ELEMENT]));
  }

  /** Polls until `css` matches a displayed element, then returns it. */
  async waitFor(css, timeoutMs = 15000) {
    const deadline = Date.now() + timeoutMs;
    let lastError;
    while (Date.now() < deadline) {
      try {
        const element = await this.find(css);
        if (await element.displayed()) return element;
      } catch (error) {
        lastError = error;
      }
      await sleep(150);
    }
    throw new Error(`timed out waiting for ${css}: ${lastError?.message ?? "not displayed"}`);
  }

  /** Polls until `predicate` resolves truthy. */
  async until(description, predicate, timeoutMs = 15000) {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      try {
        const value = await predicate();
        if (value) return value;
      } catch {
        // not yet
      }
      await sleep(150);
    }
    throw new Error(`timed out waiting until ${description}`);
  }

  /** The element that has the focus. */
  async active() {
    const element = await this.command("GET", "/element/active");
    return new Element(this, element[ELEMENT]);
  }

  /**
   * Types on the keyboard, wherever the focus is: characters as they are, and named keys in
   * braces, e.g. "Mei{Tab}12{Enter}". "{Ctrl+l}" holds Control while pressing "l".
   */
  async keys(text) {
    const actions = [];
    const press = (key) => actions.push({ type: "keyDown", value: key }, { type: "keyUp", value: key });
    for (const part of text.split(/(\{[^}]+\})/).filter(Boolean)) {
      const named = /^\{(.+)\}$/.exec(part);
      if (!named) {
        for (const char of part) press(char);
        continue;
      }
      const [modifier, key] = named[1].includes("+") ? named[1].split("+") : [null, named[1]];
      if (modifier) actions.push({ type: "keyDown", value: KEYS[modifier] });
      press(KEYS[key] ?? key);
      if (modifier) actions.push({ type: "keyUp", value: KEYS[modifier] });
    }
    await this.command("POST", "/actions", { actions: [{ type: "key", id: "keyboard", actions }] });
    await this.command("DELETE", "/actions");
  }

  execute(script, args = []) {
    return this.command("POST", "/execute/sync", { script, args });
  }

  /** Runs `script` in the page; it finishes by calling its last argument with the result. */
  executeAsync(script, args = []) {
    return this.command("POST", "/execute/async", { script, args });
  }

  /** Resizes the window, e.g. to a laptop's 1280 px, for a layout check. */
  setWindowRect(rect) {
    return this.command("POST", "/window/rect", rect);
  }

  async screenshot() {
    return Buffer.from(await this.command("GET", "/screenshot"), "base64");
  }

  delete() {
    return this.command("DELETE", "");
  }
}

export class Element {
  constructor(session, id) {
    this.session = session;
    this.id = id;
    this.ref = { [ELEMENT]: id };
  }

  command(method, path, body) {
    return this.session.command(method, `/element/${this.id}${path}`, body);
  }

  async find(css) {
    const element = await this.command("POST", "/element", { using: "css selector", value: css });
    return new Element(this.session, element[ELEMENT]);
  }

  click() {
    return this.command("POST", "/click", {});
  }

  clear() {
    return this.command("POST", "/clear", {});
  }

  type(text) {
    return this.command("POST", "/value", { text });
  }

  text() {
    return this.command("GET", "/text");
  }

  displayed() {
    return this.command("GET", "/displayed");
  }

  property(name) {
    return this.command("GET", `/property/${name}`);
  }
}

async function request(base, method, path, body) {
  const response = await fetch(base + path, {
    method,
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const payload = await response.json().catch(() => ({}));
  if (!response.ok) {
    const detail = payload?.value?.message ?? JSON.stringify(payload);
    throw new Error(`${method} ${path}: ${response.status} ${detail}`);
  }
  return payload.value;
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
