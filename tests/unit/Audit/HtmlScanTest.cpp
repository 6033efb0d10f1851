//===- unit/Audit/HtmlScanTest.cpp - Links and boilerplate ----------------===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

#include "Audit/HtmlScan.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <chrono>

using namespace claimlint;
using ::testing::ElementsAre;

namespace {

TEST(HtmlScanTest, LinksBaseAndNoFollow) {
  PageLinks L =
      extractLinks("<base href='/root/'><a href=\"a.html?x=1&amp;y=2\">A</a>"
                   "<script>var s = '<a href=\"no.html\">';</script>"
                   "<!-- <a href=\"comment.html\"> --><AREA HREF=map.html>"
                   "<a name=anchor>no href</a>");
  EXPECT_THAT(L.Hrefs, ElementsAre("a.html?x=1&y=2", "map.html"));
  EXPECT_EQ(L.BaseHref, "/root/");
  EXPECT_FALSE(L.NoFollow);
  EXPECT_TRUE(extractLinks("<meta name=\"robots\" content=\"noindex, "
                           "NOFOLLOW\"><a href=x>x</a>")
                  .NoFollow);
}

TEST(HtmlScanTest, BoilerplateRegions) {
  std::string H = "<header>Site cures</header>"
                  "<article><header>Article title</header><p>Body</p>"
                  "<footer>Byline</footer></article>"
                  "<nav><nav>inner</nav>still nav</nav>"
                  "<div id=\"CookieBanner\"><div>we use cookies</div></div>"
                  "<img class=cookie-icon src=x><p>Main text</p>"
                  "<div role=\"contentinfo\">Footer-ish</div>"
                  "<footer>Never closed";
  std::vector<Range> R = boilerplateRanges(H);
  std::vector<std::string> Texts;
  for (const Range &X : R)
    Texts.push_back(H.substr(X.Begin, X.size()));
  EXPECT_THAT(Texts,
              ElementsAre("<header>Site cures</header>",
                          "<nav><nav>inner</nav>still nav</nav>",
                          "<div id=\"CookieBanner\"><div>we use cookies</div>"
                          "</div>",
                          "<div role=\"contentinfo\">Footer-ish</div>",
                          "<footer>Never closed"));
}

TEST(HtmlScanTest, HostileInputStaysLinear) {
  auto Start = std::chrono::steady_clock::now();
  std::string H;
  for (int I = 0; I < 200000; ++I)
    H += "<nav><a href=x>";
  std::string U;
  for (int I = 0; I < 200000; ++I)
    U += "<a href='";
  EXPECT_EQ(boilerplateRanges(H).size(), 1u);
  EXPECT_EQ(extractLinks(H).Hrefs.size(), 200000u);
  (void)extractLinks(U);
  auto Secs = std::chrono::duration_cast<std::chrono::seconds>(
                  std::chrono::steady_clock::now() - Start)
                  .count();
  EXPECT_LT(Secs, 10);
}

} // namespace
