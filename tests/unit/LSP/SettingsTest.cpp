//===- LSP/SettingsTest.cpp - The "claimlint" settings section ------------===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

#include "LSP/Settings.h"

#include "gtest/gtest.h"

using namespace claimlint;
using namespace claimlint::lsp;

namespace {

TEST(Settings, AllKeys) {
  std::vector<std::string> W;
  Settings S = applySettings(Settings(), json::parse(R"({
    "rulesDirs": ["packs"], "configPath": "c.json", "noConfig": true,
    "profile": "uk", "enable": ["a/*"], "disable": ["b/c"],
    "severity": {"x/y": "off", "z/*": "error"}, "minimumSeverity": "warning",
    "showQualified": true, "context": false, "checkFrequency": "save",
    "debounceMs": 0, "docsBaseUrl": "https://d", "today": "2026-01-02",
    "serverPath": "/bin/x"})"),
                             W);
  EXPECT_TRUE(W.empty());
  EXPECT_EQ(S.RulesDirs, std::vector<std::string>{"packs"});
  EXPECT_EQ(S.ConfigPath, "c.json");
  EXPECT_TRUE(S.NoConfig);
  EXPECT_EQ(S.Profile, "uk");
  EXPECT_EQ(S.Enable, std::vector<std::string>{"a/*"});
  EXPECT_EQ(S.Disable, std::vector<std::string>{"b/c"});
  ASSERT_EQ(S.SeverityOverrides.size(), 2u);
  EXPECT_EQ(S.MinSeverity, Severity::Warning);
  EXPECT_TRUE(S.ShowQualified);
  EXPECT_FALSE(S.UseContext);
  EXPECT_EQ(S.Frequency, CheckFrequency::Save);
  EXPECT_EQ(S.DebounceMs, 0u);
  EXPECT_EQ(S.DocsBaseUrl, "https://d");
  EXPECT_EQ(S.Today, "2026-01-02");
}

TEST(Settings, BadValuesWarnAndKeepTheOld) {
  std::vector<std::string> W;
  Settings Base;
  Base.MinSeverity = Severity::Error;
  Settings S = applySettings(Base, json::parse(R"({
    "minimumSeverity": 3, "rulesDirs": "x", "severity": {"a": "loud"},
    "debounceMs": -5, "colour": 1, "enable": false, "profile": null})"),
                             W);
  EXPECT_EQ(W.size(), 5u);
  EXPECT_EQ(S.MinSeverity, Severity::Error);
  EXPECT_TRUE(S.RulesDirs.empty());
  EXPECT_FALSE(S.Enabled); // "enable": false switches it off
  EXPECT_EQ(S.DebounceMs, Settings().DebounceMs);
  bool Unknown = false;
  for (const std::string &M : W)
    Unknown |= M.find("claimlint.colour") != std::string::npos;
  EXPECT_TRUE(Unknown);
}

TEST(Settings, Section) {
  json Wrapped = json::parse(R"({"claimlint": {"profile": "au"}})");
  ASSERT_NE(settingsSection(Wrapped), nullptr);
  EXPECT_EQ((*settingsSection(Wrapped))["profile"], "au");
  json Flat = json::parse(R"({"profile": "au"})");
  EXPECT_EQ(settingsSection(Flat), &Flat);
  EXPECT_EQ(settingsSection(json(nullptr)), nullptr);
  EXPECT_EQ(settingsSection(json::array()), nullptr);
}

TEST(Settings, Equality) {
  Settings A, B;
  EXPECT_EQ(A, B);
  B.Disable.push_back("x");
  EXPECT_NE(A, B);
}

} // namespace
