/*
 * Documentation sites: detecting the generator from its config at the top
 * of a repository (and nothing else), and the source files that serve a
 * link the way each generator serves pages.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "suites.h"
#include "input/site.h"

static char tmp_root[64];

static void make_root(void)
{
	snprintf(tmp_root, sizeof(tmp_root), "/tmp/or-site-XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(tmp_root));
}

static void put(const char *name, const char *text)
{
	char path[512];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", tmp_root, name);
	f = fopen(path, "w");
	ck_assert_ptr_nonnull(f);
	fputs(text, f);
	fclose(f);
}

static void dir(const char *name)
{
	char path[512];

	snprintf(path, sizeof(path), "%s/%s", tmp_root, name);
	ck_assert_int_eq(mkdir(path, 0755), 0);
}

static void clean(void)
{
	char cmd[128];

	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", tmp_root);
	ck_assert_int_eq(system(cmd), 0);
}

static or_site detect(void)
{
	or_site site;

	ck_assert_int_eq(or_site_detect(&site, tmp_root, NULL), 0);
	return site;
}

START_TEST(test_names)
{
	or_site_generator g = OR_SITE_NONE;

	ck_assert(or_site_generator_parse("mkdocs", &g));
	ck_assert_int_eq(g, OR_SITE_MKDOCS);
	ck_assert(or_site_generator_parse("tech-docs", &g));
	ck_assert_int_eq(g, OR_SITE_TECH_DOCS);
	ck_assert(or_site_generator_parse("none", &g));
	ck_assert_int_eq(g, OR_SITE_NONE);
	ck_assert(!or_site_generator_parse("sphinx", &g));
	ck_assert_str_eq(or_site_generator_name(OR_SITE_DOCUSAURUS), "docusaurus");
	ck_assert_str_eq(or_site_generator_name(OR_SITE_HUGO), "hugo");
}
END_TEST

START_TEST(test_detect)
{
	or_site site;

	make_root();
	site = detect();
	ck_assert_int_eq(site.generator, OR_SITE_NONE);
	ck_assert_str_eq(site.detected_from, "");

	put("mkdocs.yml", "site_name: x\ndocs_dir: ./handbook/\nuse_directory_urls: false\n");
	site = detect();
	ck_assert_int_eq(site.generator, OR_SITE_MKDOCS);
	ck_assert_str_eq(site.root, "handbook");
	ck_assert(!site.directory_urls);
	ck_assert_str_eq(site.detected_from, "mkdocs.yml");

	/* a root that leaves the repository keeps the default */
	put("mkdocs.yml", "docs_dir: ../elsewhere\n");
	site = detect();
	ck_assert_str_eq(site.root, "docs");
	ck_assert(site.directory_urls);

	/* YAML opsready refuses (aliases): the keys are read from their lines */
	put("mkdocs.yml", "a: &x 1\nb: *x\ndocs_dir: pages # here\n");
	site = detect();
	ck_assert_str_eq(site.root, "pages");
	clean();

	make_root();
	put("config.toml", "title = \"x\"\n");
	site = detect();
	ck_assert_int_eq(site.generator, OR_SITE_NONE); /* no content/: not a Hugo site */
	dir("content");
	put("config.toml", "title = \"x\"\ncontentDir = \"pages\"\n");
	site = detect();
	ck_assert_int_eq(site.generator, OR_SITE_HUGO);
	ck_assert_str_eq(site.root, "pages");
	ck_assert(site.directory_urls);
	clean();

	make_root();
	dir("config");
	put("config/tech-docs.yml", "host: x\n");
	site = detect();
	ck_assert_int_eq(site.generator, OR_SITE_TECH_DOCS);
	ck_assert_str_eq(site.root, "source");
	ck_assert(!site.directory_urls);
	put("config.rb", "require 'x'\n  activate :directory_indexes\n");
	site = detect();
	ck_assert(site.directory_urls);
	clean();

	make_root();
	put("_config.yml", "title: x\npermalink: pretty\n");
	site = detect();
	ck_assert_int_eq(site.generator, OR_SITE_JEKYLL);
	ck_assert_str_eq(site.root, "");
	ck_assert(site.directory_urls);
	put("docusaurus.config.ts", "export default {};\n");
	site = detect();
	ck_assert_int_eq(site.generator, OR_SITE_DOCUSAURUS);
	ck_assert_str_eq(site.root, "docs");
	clean();

	/* a site config that is a link is not read: not a site */
	make_root();
	{
		char path[512];
		snprintf(path, sizeof(path), "%s/mkdocs.yml", tmp_root);
		ck_assert_int_eq(symlink("/etc/passwd", path), 0);
	}
	site = detect();
	ck_assert_int_eq(site.generator, OR_SITE_NONE);
	clean();
}
END_TEST

/* The candidates of a link, joined by ' ', or "LEAVES". */
static const char *cands(or_site_generator g, bool dirs, const char *doc, const char *link)
{
	static char out[2048];
	or_site site;
	or_site_candidates c;
	size_t i;

	or_site_defaults(&site, g);
	site.directory_urls = dirs;
	out[0] = '\0';
	if (!or_site_link_candidates(&c, &site, doc, link))
		return "LEAVES";
	for (i = 0; i < c.n; i++) {
		if (i)
			strncat(out, " ", sizeof(out) - strlen(out) - 1);
		strncat(out, c.paths[i], sizeof(out) - strlen(out) - 1);
	}
	or_site_candidates_dispose(&c);
	return out;
}

START_TEST(test_candidates)
{
	/* a plain repository: the file the link names, the root for "/x" */
	ck_assert_str_eq(cands(OR_SITE_NONE, false, "a/b.md", "c.md"), "a/c.md");
	ck_assert_str_eq(cands(OR_SITE_NONE, false, "a/b.md", "/c.md"), "c.md");
	ck_assert_str_eq(cands(OR_SITE_NONE, false, "a/b.md", "../../c.md"), "LEAVES");

	/* tech-docs: the page's source beside it */
	ck_assert_str_eq(cands(OR_SITE_TECH_DOCS, false, "source/a/b.html.md.erb", "upgrade.html"),
			 "source/a/upgrade.html source/a/upgrade.html.md.erb "
			 "source/a/upgrade.html.md source/a/upgrade.html.erb source/a/upgrade.md");
	ck_assert_str_eq(cands(OR_SITE_TECH_DOCS, false, "source/a.html.md", "/images/net.png"),
			 "source/images/net.png");
	ck_assert_str_eq(cands(OR_SITE_TECH_DOCS, false, "source/a.html.md", "guides/x/"),
			 "source/guides/x source/guides/x/index.html.md.erb "
			 "source/guides/x/index.html.md source/guides/x/index.html.erb");

	/* mkdocs with directory URLs: x.md is served as x/, so links from it
	 * are tried from x/ too; index pages are not shifted */
	ck_assert_str_eq(cands(OR_SITE_MKDOCS, true, "docs/ops/x.md", "../other/"),
			 "docs/other docs/ops/other docs/other.md docs/other/index.md "
			 "docs/other/README.md docs/ops/other.md docs/ops/other/index.md "
			 "docs/ops/other/README.md");
	ck_assert_str_eq(cands(OR_SITE_MKDOCS, true, "docs/ops/index.md", "other"),
			 "docs/ops/other docs/ops/other.md docs/ops/other/index.md "
			 "docs/ops/other/README.md");
	ck_assert_str_eq(cands(OR_SITE_MKDOCS, true, "docs/x.md", "/img/a.png"),
			 "docs/img/a.png");

	/* hugo: site-root paths under content/ and static/ (files only) */
	ck_assert_str_eq(cands(OR_SITE_HUGO, true, "content/_index.md", "/docs/add"),
			 "content/docs/add static/docs/add content/docs/add.md "
			 "content/docs/add/_index.md content/docs/add/index.md");
	/* the static folder holds files, not pages */

	/* jekyll: x.html from x.md or x.markdown */
	ck_assert_str_eq(cands(OR_SITE_JEKYLL, false, "ops/a.md", "b.html"),
			 "ops/b.html ops/b.md ops/b.markdown");
	/* ".." stops at the page root, as a browser stops at "/" */
	ck_assert_str_eq(cands(OR_SITE_HUGO, true, "content/a.md", "../../../x"),
			 "content/x content/x.md content/x/_index.md content/x/index.md");
	ck_assert_str_eq(cands(OR_SITE_TECH_DOCS, false, "source/a.html.md", "../images/x.png"),
			 "source/images/x.png");
	/* a path that leaves the repository: a plain one, or a page outside
	 * the page root (read on GitHub) */
	ck_assert_str_eq(cands(OR_SITE_JEKYLL, false, "a.md", "../../x"), "LEAVES");
	ck_assert_str_eq(cands(OR_SITE_TECH_DOCS, false, "docs/a.md", "../../x.md"), "LEAVES");
	/* outside the page root: as a plain repository, "/x" from the top */
	ck_assert_str_eq(cands(OR_SITE_TECH_DOCS, false, "docs/a.md", "/adr/1.md"), "adr/1.md");
	ck_assert(!or_site_is_page(&(or_site){ .generator = OR_SITE_TECH_DOCS, .root = "source" },
				   "docs/a.md"));
	ck_assert(or_site_is_page(&(or_site){ .generator = OR_SITE_DOCUSAURUS, .root = "docs" },
				  "blog/post.md"));
	ck_assert(!or_site_is_page(&(or_site){ .generator = OR_SITE_TECH_DOCS, .root = "source" },
				   "sourced/a.md"));
	/* an index page served as "/folder" reads its links from the parent
	 * too; a site serving "/folder/" does not */
	ck_assert_str_eq(cands(OR_SITE_TECH_DOCS, false, "source/inc/index.html.md.erb", "inc/a"),
			 "source/inc/inc/a source/inc/a source/inc/inc/a.html.md.erb "
			 "source/inc/inc/a.html.md source/inc/inc/a.html.erb source/inc/inc/a.md "
			 "source/inc/inc/a/index.html.md.erb source/inc/inc/a/index.html.md "
			 "source/inc/inc/a/index.html.erb source/inc/a.html.md.erb source/inc/a.html.md "
			 "source/inc/a.html.erb source/inc/a.md source/inc/a/index.html.md.erb "
			 "source/inc/a/index.html.md source/inc/a/index.html.erb");
	ck_assert_str_eq(cands(OR_SITE_TECH_DOCS, false, "source/index.html.md.erb", "../x.png"),
			 "source/x.png");
}
END_TEST

START_TEST(test_templated)
{
	ck_assert(or_site_link_is_templated("{{ site.baseurl }}/x"));
	ck_assert(or_site_link_is_templated("{{<ref \"x.md\">}}"));
	ck_assert(or_site_link_is_templated("{% link x.md %}"));
	ck_assert(or_site_link_is_templated("<%= url_for 'x' %>"));
	ck_assert(or_site_link_is_templated("${BASE}/x"));
	ck_assert(!or_site_link_is_templated("x/y.md"));
}
END_TEST

Suite *site_suite(void)
{
	Suite *s = suite_create("site");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_names);
	tcase_add_test(tc, test_detect);
	tcase_add_test(tc, test_candidates);
	tcase_add_test(tc, test_templated);
	suite_add_tcase(s, tc);
	return s;
}
