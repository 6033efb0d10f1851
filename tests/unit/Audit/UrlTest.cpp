//===- unit/Audit/UrlTest.cpp - URL parsing and resolving -----------------===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

#include "Audit/Url.h"

#include <gtest/gtest.h>

using namespace claimlint;

namespace {

TEST(UrlTest, RecognisesWebUrls) {
  EXPECT_TRUE(isWebUrl("https://example.org/page"));
  EXPECT_TRUE(isWebUrl("HTTP://example.org"));
  EXPECT_FALSE(isWebUrl("docs/page.html"));
  EXPECT_FALSE(isWebUrl("ftp://example.org/x"));
  EXPECT_FALSE(isWebUrl("-"));
}

TEST(UrlTest, NormalisesSchemeHostPortAndFragment) {
  auto U = parseUrl("HTTPS://Example.ORG:443/a/b?x=1#top");
  ASSERT_TRUE(U);
  EXPECT_EQ(U->Full, "https://example.org/a/b?x=1");
  EXPECT_EQ(U->Host, "example.org");
  EXPECT_EQ(U->Site, "example.org");
  EXPECT_EQ(U->Origin, "https://example.org");
  EXPECT_EQ(U->Path, "/a/b?x=1");
  auto P = parseUrl("http://127.0.0.1:8080");
  ASSERT_TRUE(P);
  EXPECT_EQ(P->Site, "127.0.0.1:8080");
  EXPECT_EQ(P->Path, "/");
}

TEST(UrlTest, ResolvesRelativeReferences) {
  const char *Base = "http://site.test/dir/page.html?q=1";
  EXPECT_EQ(parseUrl("other.html", Base)->Full,
            "http://site.test/dir/other.html");
  EXPECT_EQ(parseUrl("../up.html#frag", Base)->Full,
            "http://site.test/up.html");
  EXPECT_EQ(parseUrl("/abs", Base)->Full, "http://site.test/abs");
  EXPECT_EQ(parseUrl("//cdn.test/x", Base)->Full, "http://cdn.test/x");
  EXPECT_EQ(parseUrl("#only-a-fragment", Base)->Full,
            "http://site.test/dir/page.html?q=1");
  EXPECT_FALSE(parseUrl("mailto:a@b.test", Base));
  EXPECT_FALSE(parseUrl("javascript:void(0)", Base));
  EXPECT_FALSE(parseUrl("not a url"));
}

} // namespace
