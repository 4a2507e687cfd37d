// A minimal Chrome DevTools Protocol client over --remote-debugging-pipe:
// no npm packages, no port, no network. Chromium reads NUL-terminated JSON
// commands on fd 3 and writes NUL-terminated JSON messages on fd 4.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const CHROMIUM_FLAGS = [
	"--headless",
	"--no-sandbox",
	"--disable-gpu",
	"--disable-background-networking",
	"--disable-component-update",
	"--disable-sync",
	"--disable-default-apps",
	"--disable-extensions",
	"--no-first-run",
	"--no-default-browser-check",
	"--mute-audio",
	"--hide-scrollbars",
	"--font-render-hinting=none",
	"--remote-debugging-pipe",
];

export class Browser {
	static async launch(executable) {
		const profile = mkdtempSync(join(tmpdir(), "opsready-chromium-"));
		const child = spawn(executable, [...CHROMIUM_FLAGS, `--user-data-dir=${profile}`, "about:blank"], {
			stdio: ["ignore", "ignore", "pipe", "pipe", "pipe"],
		});
		const browser = new Browser(child, profile);
		child.stderr.on("data", (d) => { browser.stderr += d.toString(); });
		const version = await browser.send("Browser.getVersion");
		browser.version = version.product;
		return browser;
	}

	constructor(child, profile) {
		this.child = child;
		this.profile = profile;
		this.stderr = "";
		this.nextId = 1;
		this.pending = new Map();
		this.listeners = [];
		this.exited = false;
		let buffered = "";
		child.stdio[4].on("data", (chunk) => {
			buffered += chunk.toString("utf8");
			let end;
			while ((end = buffered.indexOf("\0")) >= 0) {
				const message = JSON.parse(buffered.slice(0, end));
				buffered = buffered.slice(end + 1);
				this.dispatch(message);
			}
		});
		child.on("exit", (code, signal) => {
			this.exited = true;
			for (const { reject } of this.pending.values())
				reject(new Error(`chromium exited (${code ?? signal})\n${this.stderr}`));
			this.pending.clear();
		});
	}

	dispatch(message) {
		if (message.id !== undefined) {
			const waiter = this.pending.get(message.id);
			if (!waiter)
				return;
			this.pending.delete(message.id);
			if (message.error)
				waiter.reject(new Error(`${waiter.method}: ${message.error.message}`));
			else
				waiter.resolve(message.result);
			return;
		}
		for (const listener of this.listeners)
			listener(message);
	}

	send(method, params = {}, sessionId = undefined) {
		if (this.exited)
			return Promise.reject(new Error("chromium is not running"));
		const id = this.nextId++;
		const message = { id, method, params };
		if (sessionId)
			message.sessionId = sessionId;
		return new Promise((resolve, reject) => {
			this.pending.set(id, { resolve, reject, method });
			this.child.stdio[3].write(JSON.stringify(message) + "\0");
		});
	}

	on(listener) {
		this.listeners.push(listener);
	}

	waitFor(predicate, timeoutMs, what) {
		return new Promise((resolve, reject) => {
			const timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), timeoutMs);
			const listener = (message) => {
				if (predicate(message)) {
					clearTimeout(timer);
					this.listeners = this.listeners.filter((l) => l !== listener);
					resolve(message);
				}
			};
			this.listeners.push(listener);
		});
	}

	async newPage() {
		const { targetId } = await this.send("Target.createTarget", { url: "about:blank" });
		const { sessionId } = await this.send("Target.attachToTarget", { targetId, flatten: true });
		return new Page(this, sessionId, targetId);
	}

	async close() {
		const exited = new Promise((r) => (this.exited ? r() : this.child.once("exit", r)));
		this.send("Browser.close").catch(() => {});
		await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
		if (!this.exited) {
			this.child.kill("SIGKILL");
			await exited;
		}
		rmSync(this.profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
	}
}

export class Page {
	constructor(browser, sessionId, targetId) {
		this.browser = browser;
		this.sessionId = sessionId;
		this.targetId = targetId;
		this.console = [];    // console messages and uncaught exceptions
		this.requests = [];   // every request the page made
		this.dialogs = [];    // alert(), confirm(), prompt()
		browser.on((m) => {
			if (m.sessionId !== sessionId)
				return;
			if (m.method === "Runtime.consoleAPICalled")
				this.console.push({ level: m.params.type, text: m.params.args.map((a) => a.value ?? a.description).join(" ") });
			else if (m.method === "Runtime.exceptionThrown")
				this.console.push({ level: "error", text: m.params.exceptionDetails.exception?.description ?? m.params.exceptionDetails.text });
			else if (m.method === "Log.entryAdded")
				this.console.push({ level: m.params.entry.level, text: `${m.params.entry.source}: ${m.params.entry.text} ${m.params.entry.url ?? ""}` });
			else if (m.method === "Network.requestWillBeSent")
				this.requests.push(m.params.request.url);
			else if (m.method === "Page.javascriptDialogOpening") {
				this.dialogs.push(m.params.message);
				this.send("Page.handleJavaScriptDialog", { accept: false }).catch(() => {});
			}
		});
	}

	send(method, params = {}) {
		return this.browser.send(method, params, this.sessionId);
	}

	async init() {
		await this.send("Page.enable");
		await this.send("Runtime.enable");
		await this.send("Log.enable");
		await this.send("Network.enable");
	}

	async goto(url, timeoutMs = 20000) {
		const loaded = this.browser.waitFor((m) => m.sessionId === this.sessionId && m.method === "Page.loadEventFired", timeoutMs, `load of ${url}`);
		const result = await this.send("Page.navigate", { url });
		if (result.errorText)
			throw new Error(`navigation to ${url} failed: ${result.errorText}`);
		await loaded;
	}

	async evaluate(expression) {
		const result = await this.send("Runtime.evaluate", { expression, returnByValue: true, awaitPromise: true });
		if (result.exceptionDetails)
			throw new Error(`evaluate failed: ${result.exceptionDetails.exception?.description ?? result.exceptionDetails.text}`);
		return result.result.value;
	}

	// A PNG of the whole page at `width` CSS pixels.
	async screenshot(width = 1280) {
		await this.send("Emulation.setDeviceMetricsOverride", { width, height: 900, deviceScaleFactor: 1, mobile: false });
		const height = await this.evaluate("Math.ceil(document.documentElement.scrollHeight)");
		await this.send("Emulation.setDeviceMetricsOverride", { width, height: Math.min(height, 16000), deviceScaleFactor: 1, mobile: false });
		const { data } = await this.send("Page.captureScreenshot", { format: "png", captureBeyondViewport: true });
		return Buffer.from(data, "base64");
	}
}
