//===- Audit/Robots.cpp - robots.txt --------------------------------------===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

#include "Audit/Robots.h"

#include "llvm/ADT/StringExtras.h"

#include <algorithm>

namespace claimlint {

bool robotsPatternMatches(llvm::StringRef Pattern, llvm::StringRef Path) {
  bool Anchored = Pattern.endswith("$");
  if (Anchored)
    Pattern = Pattern.drop_back();
  // Greedy wildcard matching with one backtrack point: linear in practice
  // and never exponential.
  size_t P = 0, S = 0, StarP = llvm::StringRef::npos, StarS = 0;
  while (S < Path.size() || P < Pattern.size()) {
    if (P < Pattern.size() && Pattern[P] == '*') {
      StarP = P++;
      StarS = S;
      continue;
    }
    if (P == Pattern.size() && !Anchored)
      return true; // a prefix match is enough
    if (P < Pattern.size() && S < Path.size() && Pattern[P] == Path[S]) {
      ++P;
      ++S;
      continue;
    }
    if (StarP != llvm::StringRef::npos && StarS < Path.size()) {
      P = StarP + 1;
      S = ++StarS;
      continue;
    }
    return false;
  }
  return true;
}

RobotsTxt RobotsTxt::disallowAll() {
  RobotsTxt R;
  R.Rules.push_back({"/", false});
  return R;
}

RobotsTxt RobotsTxt::parse(llvm::StringRef Text, llvm::StringRef Agent) {
  struct Group {
    std::vector<std::string> Agents;
    std::vector<Rule> Rules;
    double Delay = 0;
  };
  std::vector<Group> Groups;
  RobotsTxt Out;
  bool InRules = false;
  llvm::SmallVector<llvm::StringRef, 64> Lines;
  Text.split(Lines, '\n');
  for (llvm::StringRef Line : Lines) {
    Line = Line.split('#').first.trim();
    size_t Colon = Line.find(':');
    if (Colon == llvm::StringRef::npos)
      continue;
    llvm::StringRef Key = Line.take_front(Colon).trim();
    llvm::StringRef Value = Line.drop_front(Colon + 1).trim();
    if (Key.equals_insensitive("sitemap")) {
      if (!Value.empty())
        Out.Sitemaps.push_back(Value.str());
      continue;
    }
    if (Key.equals_insensitive("user-agent")) {
      if (InRules || Groups.empty())
        Groups.emplace_back();
      InRules = false;
      Groups.back().Agents.push_back(Value.lower());
      continue;
    }
    if (Groups.empty())
      continue;
    if (Key.equals_insensitive("allow") || Key.equals_insensitive("disallow")) {
      InRules = true;
      if (!Value.empty())
        Groups.back().Rules.push_back(
            {Value.str(), Key.equals_insensitive("allow")});
      continue;
    }
    if (Key.equals_insensitive("crawl-delay")) {
      InRules = true;
      double D = 0;
      if (!Value.getAsDouble(D) && D > 0)
        Groups.back().Delay = std::min(D, 60.0);
    }
  }
  std::string Me = Agent.lower();
  auto Collect = [&](bool Star) {
    bool Found = false;
    for (const Group &G : Groups)
      for (const std::string &A : G.Agents)
        if (Star ? A == "*" : A == Me) {
          Out.Rules.insert(Out.Rules.end(), G.Rules.begin(), G.Rules.end());
          Out.Delay = std::max(Out.Delay, G.Delay);
          Found = true;
          break;
        }
    return Found;
  };
  if (!Collect(false))
    Collect(true);
  return Out;
}

bool RobotsTxt::allowed(llvm::StringRef PathAndQuery) const {
  if (PathAndQuery == "/robots.txt")
    return true;
  long Best = -1;
  bool Allow = true;
  for (const Rule &R : Rules) {
    if (!robotsPatternMatches(R.Pattern, PathAndQuery))
      continue;
    auto Len = static_cast<long>(R.Pattern.size());
    if (Len > Best || (Len == Best && R.Allow)) {
      Best = Len;
      Allow = R.Allow;
    }
  }
  return Allow;
}

} // namespace claimlint
