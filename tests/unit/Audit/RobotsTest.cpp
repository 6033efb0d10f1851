//===- unit/Audit/RobotsTest.cpp - robots.txt -----------------------------===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

#include "Audit/Robots.h"

#include <gtest/gtest.h>

using namespace claimlint;

namespace {

TEST(RobotsTest, OurGroupWinsOverTheStarGroup) {
  RobotsTxt R = RobotsTxt::parse("User-agent: *\n"
                                 "Disallow: /\n"
                                 "\n"
                                 "# our own group\n"
                                 "User-agent: other\n"
                                 "User-agent: ClaimLint\n"
                                 "Disallow: /private/\n"
                                 "Crawl-delay: 1.5\n"
                                 "Sitemap: https://s.test/map.xml\n",
                                 "claimlint");
  EXPECT_TRUE(R.allowed("/"));
  EXPECT_TRUE(R.allowed("/page.html"));
  EXPECT_FALSE(R.allowed("/private/x.html"));
  EXPECT_DOUBLE_EQ(R.crawlDelay(), 1.5);
  ASSERT_EQ(R.sitemaps().size(), 1u);
  EXPECT_EQ(R.sitemaps()[0], "https://s.test/map.xml");
}

TEST(RobotsTest, StarGroupAppliesWhenWeAreNotNamed) {
  RobotsTxt R = RobotsTxt::parse("User-agent: *\r\nDisallow: /tmp\r\n"
                                 "User-agent: googlebot\r\nDisallow: /\r\n",
                                 "claimlint");
  EXPECT_FALSE(R.allowed("/tmp/a"));
  EXPECT_FALSE(R.allowed("/tmpfile"));
  EXPECT_TRUE(R.allowed("/other"));
  EXPECT_TRUE(R.allowed("/robots.txt"));
}

TEST(RobotsTest, LongestMatchWinsAndAllowWinsTies) {
  RobotsTxt R = RobotsTxt::parse("User-agent: *\n"
                                 "Disallow: /shop\n"
                                 "Allow: /shop/public\n"
                                 "Disallow: /*.pdf$\n"
                                 "Allow: /same\n"
                                 "Disallow: /same\n"
                                 "Disallow:\n",
                                 "claimlint");
  EXPECT_FALSE(R.allowed("/shop/cart"));
  EXPECT_TRUE(R.allowed("/shop/public/page"));
  EXPECT_FALSE(R.allowed("/docs/leaflet.pdf"));
  EXPECT_TRUE(R.allowed("/docs/leaflet.pdf?download=1"));
  EXPECT_TRUE(R.allowed("/same/x"));
  EXPECT_TRUE(R.allowed("/"));
}

TEST(RobotsTest, EmptyAndUnreachable) {
  EXPECT_TRUE(RobotsTxt::parse("", "claimlint").allowed("/x"));
  EXPECT_TRUE(RobotsTxt::allowAll().allowed("/x"));
  EXPECT_FALSE(RobotsTxt::disallowAll().allowed("/x"));
  // Rules before any User-agent line belong to no group.
  EXPECT_TRUE(RobotsTxt::parse("Disallow: /\n", "claimlint").allowed("/x"));
}

TEST(RobotsTest, PatternMatching) {
  EXPECT_TRUE(robotsPatternMatches("/a*b", "/a/x/b/c"));
  EXPECT_TRUE(robotsPatternMatches("/a*b$", "/a/x/b"));
  EXPECT_FALSE(robotsPatternMatches("/a*b$", "/a/x/bc"));
  EXPECT_TRUE(robotsPatternMatches("*", "/anything"));
  EXPECT_FALSE(robotsPatternMatches("/x", "/"));
  // Many stars stay fast.
  std::string Pat = "/";
  for (int I = 0; I < 200; ++I)
    Pat += "a*";
  Pat += "b$";
  EXPECT_FALSE(robotsPatternMatches(Pat, "/" + std::string(5000, 'a')));
}

} // namespace
