//===- unit/Audit/SitemapTest.cpp - sitemap.xml ---------------------------===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

#include "Audit/Sitemap.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

using namespace claimlint;
using ::testing::ElementsAre;

namespace {

TEST(SitemapTest, UrlSet) {
  Sitemap S = parseSitemap(
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
      "  <url><loc> https://s.test/a?x=1&amp;y=2 </loc><lastmod>2024-01-01"
      "</lastmod></url>\n"
      "  <!-- <url><loc>https://s.test/commented</loc></url> -->\n"
      "  <url><loc><![CDATA[https://s.test/b]]></loc></url>\n"
      "</urlset>\n");
  EXPECT_FALSE(S.IsIndex);
  EXPECT_THAT(S.Locs,
              ElementsAre("https://s.test/a?x=1&y=2", "https://s.test/b"));
}

TEST(SitemapTest, IndexWithPrefixes) {
  Sitemap S = parseSitemap(
      "<sm:sitemapindex xmlns:sm=\"http://www.sitemaps.org/schemas/"
      "sitemap/0.9\"><sm:sitemap><sm:loc>https://s.test/one.xml</sm:loc>"
      "</sm:sitemap></sm:sitemapindex>");
  EXPECT_TRUE(S.IsIndex);
  EXPECT_THAT(S.Locs, ElementsAre("https://s.test/one.xml"));
}

TEST(SitemapTest, MalformedInputGivesWhatItCan) {
  EXPECT_TRUE(parseSitemap("").Locs.empty());
  EXPECT_TRUE(parseSitemap("<urlset><url><loc>https://x").Locs.empty());
  EXPECT_TRUE(parseSitemap("not xml at all <").Locs.empty());
}

} // namespace
