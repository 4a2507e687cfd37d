#!/usr/bin/env node
// Browser test of the HTML report: renders reports in headless Chromium,
// saves screenshots, and checks that the page loads nothing from the network,
// logs no console errors, works without JavaScript, and shows hostile text
// from the scanned repository as text.
//
//   node report_test.mjs OPSREADY SOURCE_DIR OUT_DIR
//
// Exit 0 on success, 1 on a failed check, 77 (skipped) without Chromium.
// Screenshots: OUT_DIR/example.png, example-print.png, example-nojs.png,
// seed.png, hostile.png.
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync, accessSync, constants } from "node:fs";
import { delimiter, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { Browser } from "./cdp.mjs";

const [binary, source, outArg] = process.argv.slice(2);
if (!binary || !source || !outArg) {
	console.error("usage: report_test.mjs OPSREADY SOURCE_DIR OUT_DIR");
	process.exit(2);
}
const out = resolve(outArg);
const here = join(source, "tests", "browser");

function findChromium() {
	const candidates = [process.env.OPSREADY_CHROMIUM, "/usr/bin/chromium"];
	for (const dir of (process.env.PATH ?? "").split(delimiter))
		candidates.push(join(dir, "chromium"), join(dir, "chromium-browser"));
	for (const c of candidates) {
		if (!c)
			continue;
		try {
			accessSync(c, constants.X_OK);
			return c;
		} catch {
			/* next */
		}
	}
	return null;
}

const chromium = findChromium();
if (!chromium) {
	console.log("SKIP: chromium is not installed (apt-get install chromium)");
	process.exit(77);
}

const GIT_ENV = {
	...process.env,
	GIT_AUTHOR_NAME: "Fixture Author",
	GIT_AUTHOR_EMAIL: "author@fixture.invalid",
	GIT_COMMITTER_NAME: "Fixture Author",
	GIT_COMMITTER_EMAIL: "author@fixture.invalid",
	GIT_AUTHOR_DATE: "2026-10-01T12:00:00+00:00",
	GIT_COMMITTER_DATE: "2026-10-01T12:00:00+00:00",
	GIT_CONFIG_GLOBAL: "/dev/null",
	GIT_CONFIG_NOSYSTEM: "1",
	TZ: "UTC",
};

function run(command, args, options = {}) {
	const result = spawnSync(command, args, { encoding: "utf8", env: GIT_ENV, ...options });
	if (result.error)
		throw result.error;
	return result;
}

function fixture(from, name) {
	const dir = join(out, "work", name);
	rmSync(dir, { recursive: true, force: true });
	cpSync(from, dir, { recursive: true });
	run("git", ["init", "-q", "-b", "main"], { cwd: dir });
	run("git", ["add", "-A"], { cwd: dir });
	run("git", ["commit", "-q", "-m", "fixture"], { cwd: dir });
	return dir;
}

function report(repo, name, extra = []) {
	const html = join(out, `${name}.html`);
	const json = join(out, `${name}.json`);
	const r = run(binary, ["check", repo, "--now", "2026-11-27", "--report", `html=${html}`,
		"--report", `json=${json}`, "--format", "text", "--quiet", ...extra]);
	if (r.status !== 0 && r.status !== 1)
		throw new Error(`opsready check ${name} exited ${r.status}: ${r.stderr}`);
	return { html, json: JSON.parse(readFileSync(json, "utf8")) };
}

const failures = [];
function expect(condition, what) {
	if (!condition)
		failures.push(what);
	return condition;
}

mkdirSync(join(out, "work"), { recursive: true });

// The three reports: the bundled example, the seed runbook, a hostile repository.
const exampleRepo = join(out, "work", "example");
rmSync(exampleRepo, { recursive: true, force: true });
const built = run("bash", [join(source, "examples", "build-example-repo.sh"), exampleRepo]);
if (built.status !== 0)
	throw new Error(`build-example-repo.sh failed: ${built.stderr}`);
const example = report(exampleRepo, "example");
const seed = report(fixture(join(source, "tests", "e2e", "cases", "seed-runbook", "repo"), "seed"), "seed");
const hostile = report(fixture(join(here, "hostile-repo"), "hostile"), "hostile");

const browser = await Browser.launch(chromium);
console.log(`browser: ${browser.version}`);

async function open(name, { scripts = true, media = "screen" } = {}) {
	const page = await browser.newPage();
	await page.init();
	if (!scripts)
		await page.send("Emulation.setScriptExecutionDisabled", { value: true });
	await page.send("Emulation.setEmulatedMedia", { media });
	const url = pathToFileURL(join(out, `${name}.html`)).href;
	await page.goto(url);
	page.url = url;
	return page;
}

function checkClean(page, name) {
	const errors = page.console.filter((m) => m.level === "error" || m.level === "assert");
	expect(errors.length === 0, `${name}: console errors: ${JSON.stringify(errors)}`);
	const foreign = page.requests.filter((u) => u !== page.url);
	expect(foreign.length === 0, `${name}: requests other than the page itself: ${JSON.stringify(foreign)}`);
	expect(page.dialogs.length === 0, `${name}: dialogs opened: ${JSON.stringify(page.dialogs)}`);
}

async function save(page, file) {
	writeFileSync(join(out, file), await page.screenshot(1280));
	console.log(`screenshot: ${join(out, file)}`);
}

const DOM_FACTS = `(() => {
	const q = (s) => document.querySelector(s);
	const visible = (e) => !!e && e.getClientRects().length > 0;
	return {
		verdict: q(".banner .verdict")?.textContent.trim(),
		score: q(".banner .score")?.firstChild?.textContent.trim(),
		filterVisible: visible(q("#or-filter")),
		findingRows: document.querySelectorAll("tr.finding").length,
		visibleFindingRows: [...document.querySelectorAll("tr.finding")].filter(visible).length,
		matrixCells: [...document.querySelectorAll("table.matrix td.cell")].map((c) => c.textContent.trim()),
		contacts: document.querySelector("#or-contacts")?.textContent ?? "",
		scripts: document.querySelectorAll("script").length,
		externals: [...document.querySelectorAll("[src], link[href], object, embed, iframe, img, svg")].length,
		handlers: [...document.querySelectorAll("*")].filter((e) => [...e.attributes].some((a) => a.name.startsWith("on"))).length,
		javascriptLinks: [...document.querySelectorAll("a[href]")].filter((a) => !/^(https?:|#)/.test(a.getAttribute("href"))).length,
		text: document.body.textContent,
		title: document.title,
		overflow: document.documentElement.scrollWidth > document.documentElement.clientWidth + 1,
	};
})()`;

try {
	// The example, with script: the filter bar appears and filters.
	let page = await open("example");
	let dom = await page.evaluate(DOM_FACTS);
	checkClean(page, "example");
	expect(dom.verdict === (example.json.summary.verdict === "pass" ? "PASS" : "FAIL"), `example: verdict ${dom.verdict}`);
	expect(dom.score === example.json.summary.score.toFixed(1), `example: score ${dom.score}`);
	expect(dom.filterVisible, "example: the filter bar is not shown with JavaScript on");
	expect(dom.findingRows === example.json.findings.length, `example: ${dom.findingRows} finding rows for ${example.json.findings.length} findings`);
	expect(dom.matrixCells.some((c) => c.startsWith("expired")), "example: no expired training-matrix cell");
	expect(dom.matrixCells.some((c) => /^done\s*\d{4}-\d\d-\d\d/.test(c)), "example: no done training-matrix cell with a date");
	expect(dom.contacts.includes(example.json.contacts[0].value), "example: the first contact is not shown");
	expect(dom.scripts === 1 && dom.externals === 0 && dom.handlers === 0, `example: scripts ${dom.scripts}, external elements ${dom.externals}, handlers ${dom.handlers}`);
	expect(!dom.overflow, "example: the page scrolls sideways at 1280 px");
	await save(page, "example.png");
	const shown = await page.evaluate(`(() => {
		const s = document.querySelector("[data-filter=severity]");
		s.value = "warning";
		s.dispatchEvent(new Event("input", { bubbles: true }));
		return [...document.querySelectorAll("tr.finding")].filter((e) => e.getClientRects().length).map((e) => e.dataset.severity);
	})()`);
	const warnings = example.json.findings.filter((f) => f.severity === "warning").length;
	expect(shown.length === warnings && shown.every((s) => s === "warning"), `example: filtering by warning shows ${JSON.stringify(shown)}`);
	checkClean(page, "example (filtered)");

	// Without JavaScript every finding is visible and the filter bar stays hidden.
	page = await open("example", { scripts: false });
	dom = await page.evaluate(DOM_FACTS);
	checkClean(page, "example without JavaScript");
	expect(!dom.filterVisible, "example without JavaScript: the filter bar shows");
	expect(dom.visibleFindingRows === example.json.findings.length, `example without JavaScript: ${dom.visibleFindingRows} visible finding rows`);
	await save(page, "example-nojs.png");

	// Printed: no navigation or filter bar, every finding visible.
	page = await open("example", { media: "print" });
	dom = await page.evaluate(DOM_FACTS);
	expect(!dom.filterVisible, "example in print: the filter bar shows");
	expect(await page.evaluate(`getComputedStyle(document.querySelector("nav.toc")).display`) === "none", "example in print: the navigation shows");
	await save(page, "example-print.png");
	const { data: pdf } = await page.send("Page.printToPDF", { printBackground: true, preferCSSPageSize: false });
	writeFileSync(join(out, "example.pdf"), Buffer.from(pdf, "base64"));

	// The seed runbook: many findings.
	page = await open("seed");
	dom = await page.evaluate(DOM_FACTS);
	checkClean(page, "seed");
	expect(dom.verdict === "FAIL", `seed: verdict ${dom.verdict}`);
	expect(dom.findingRows === seed.json.findings.length, `seed: ${dom.findingRows} finding rows for ${seed.json.findings.length} findings`);
	expect(!dom.overflow, "seed: the page scrolls sideways at 1280 px");
	await save(page, "seed.png");

	// Hostile input is text: nothing injected runs or loads.
	page = await open("hostile");
	dom = await page.evaluate(DOM_FACTS);
	checkClean(page, "hostile");
	expect(dom.scripts === 1, `hostile: ${dom.scripts} <script> elements (only the report's own is allowed)`);
	expect(dom.externals === 0, `hostile: ${dom.externals} img/iframe/svg/src elements were injected`);
	expect(dom.handlers === 0, `hostile: ${dom.handlers} elements carry on* handlers`);
	expect(dom.javascriptLinks === 0, "hostile: a link that is not http(s) (repo_url is javascript:)");
	for (const needle of ["## <script>alert(1)</script>", "\"><img src=x onerror=alert(1)>",
		"Policy </title><script>alert(8)</script>", "2 & <3>", "missing-<script>.md",
		"<script>alert(10)</script> accepted", "Approved by \"><img src=q onerror=alert(11)>"])
		expect(dom.text.includes(needle), `hostile: the text ${JSON.stringify(needle)} is not shown as text`);
	const owners = hostile.json.documents.map((d) => d.owner).filter(Boolean);
	for (const owner of owners)
		expect(dom.text.includes(owner), `hostile: the owner ${JSON.stringify(owner)} is not shown`);
	expect(dom.title.includes(hostile.json.scan.root), "hostile: the title does not name the root");
	await save(page, "hostile.png");
} finally {
	await browser.close();
}

if (failures.length) {
	for (const f of failures)
		console.error(`FAIL: ${f}`);
	process.exit(1);
}
console.log("browser checks passed");
