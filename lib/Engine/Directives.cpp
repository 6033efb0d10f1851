//===- Engine/Directives.cpp - Comments that steer the linter -------------===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

#include "Engine/Directives.h"

#include "Engine/Config.h"

#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"

namespace claimlint {

bool Suppression::coversRule(llvm::StringRef RuleId) const {
  if (Rules.empty())
    return true;
  for (const std::string &G : Rules)
    if (G == RuleId || matchGlob(G, RuleId))
      return true;
  return false;
}

bool suppresses(const Suppression &Sup, llvm::StringRef RuleId, uint32_t Offset,
                unsigned Line) {
  if (!Sup.coversRule(RuleId))
    return false;
  switch (Sup.Kind) {
  case Suppression::NextLine:
  case Suppression::SameLine:
    return Line >= Sup.FirstLine && Line <= Sup.LastLine;
  case Suppression::Region:
    return Offset >= Sup.RegionBegin && Offset < Sup.RegionEnd;
  }
  return false;
}

namespace {

std::vector<std::string> splitRules(llvm::StringRef S) {
  std::vector<std::string> Out;
  llvm::SmallVector<llvm::StringRef, 4> Parts;
  S.split(Parts, ',', -1, false);
  for (llvm::StringRef P : Parts) {
    llvm::SmallVector<llvm::StringRef, 4> Words;
    P.split(Words, ' ', -1, false);
    for (llvm::StringRef W : Words) {
      W = W.trim();
      if (!W.empty())
        Out.push_back(W.str());
    }
  }
  return Out;
}

bool isDate(llvm::StringRef S) {
  if (S.size() != 10 || S[4] != '-' || S[7] != '-')
    return false;
  for (size_t I : {0, 1, 2, 3, 5, 6, 8, 9})
    if (!llvm::isDigit(S[I]))
      return false;
  return true;
}

} // namespace

Directives parseDirectives(const Prose &P, llvm::StringRef Text,
                           const LineIndex &Lines) {
  Directives D;
  std::vector<size_t> OpenRegions;
  for (const Comment &C : P.comments()) {
    llvm::StringRef Body = Text.slice(C.Body.Begin, C.Body.End).trim();
    if (!Body.startswith("claimlint-"))
      continue;
    // Split "directive args -- reason".
    llvm::StringRef Head = Body, Reason;
    size_t Dash = Body.find(" --");
    if (Dash != llvm::StringRef::npos) {
      Head = Body.take_front(Dash);
      Reason = Body.drop_front(Dash + 3).trim();
    }
    llvm::StringRef Name = Head.take_until([](char Ch) {
      return Ch == ' ' || Ch == '\t' || Ch == '\n' || Ch == '\r' || Ch == ':';
    });
    llvm::StringRef Args = Head.drop_front(Name.size()).trim();
    unsigned EndLine = Lines.position(C.Source.End).Line;
    unsigned StartLine = Lines.position(C.Source.Begin).Line;
    if (Name == "claimlint-disable-next-line") {
      Suppression S{Suppression::NextLine, splitRules(Args), Reason.str(),
                    C.Source};
      // The next line that has text.
      unsigned L = EndLine + 1;
      while (L <= Lines.lineCount() && Lines.lineText(L).trim().empty())
        ++L;
      S.FirstLine = S.LastLine = L;
      D.Suppressions.push_back(std::move(S));
    } else if (Name == "claimlint-disable-line") {
      Suppression S{Suppression::SameLine, splitRules(Args), Reason.str(),
                    C.Source};
      S.FirstLine = StartLine;
      S.LastLine = EndLine;
      D.Suppressions.push_back(std::move(S));
    } else if (Name == "claimlint-disable") {
      Suppression S{Suppression::Region, splitRules(Args), Reason.str(),
                    C.Source};
      S.RegionBegin = C.Source.End;
      S.RegionEnd = static_cast<uint32_t>(Text.size());
      OpenRegions.push_back(D.Suppressions.size());
      D.Suppressions.push_back(std::move(S));
    } else if (Name == "claimlint-enable") {
      std::vector<std::string> Rules = splitRules(Args);
      bool Closed = false;
      for (size_t K = OpenRegions.size(); K-- > 0;) {
        Suppression &S = D.Suppressions[OpenRegions[K]];
        if (S.Rules == Rules || Rules.empty()) {
          S.RegionEnd = C.Source.Begin;
          OpenRegions.erase(OpenRegions.begin() + K);
          Closed = true;
          if (!Rules.empty())
            break;
        }
      }
      if (!Closed)
        D.Problems.emplace_back(C.Source,
                                "'claimlint-enable' without a matching "
                                "'claimlint-disable'");
    } else if (Name == "claimlint-evidence") {
      EvidenceNote E;
      E.Source = C.Source;
      llvm::StringRef Rest = Body.drop_front(Name.size()).ltrim(" \t:");
      llvm::SmallVector<llvm::StringRef, 6> Parts;
      Rest.split(Parts, ';', -1, false);
      bool First = true;
      for (llvm::StringRef Part : Parts) {
        Part = Part.trim();
        auto KV = Part.split(':');
        llvm::StringRef K = KV.first.trim();
        llvm::StringRef V = KV.second.trim();
        if (K == "reviewed-by" || K == "reviewer")
          E.Reviewer = V.str();
        else if (K == "reviewed")
          E.ReviewedOn = V.str();
        else if (K == "expires")
          E.Expires = V.str();
        else if (First)
          E.Evidence = Part.str();
        else
          E.Evidence += "; " + Part.str();
        First = false;
      }
      if (E.Evidence.empty())
        D.Problems.emplace_back(C.Source,
                                "'claimlint-evidence' names no evidence");
      else if (!E.Expires.empty() && !isDate(E.Expires))
        D.Problems.emplace_back(C.Source,
                                "'expires' must be a date, YYYY-MM-DD");
      else {
        // Attach to the first block that starts after the comment.
        uint32_t At = P.fromOriginal(C.Source.End);
        for (const Block &B : P.blocks()) {
          if (B.Text.End > At) {
            E.ProseBegin = std::max(B.Text.Begin, At);
            E.ProseEnd = B.Text.End;
            break;
          }
        }
        D.Evidence.push_back(std::move(E));
      }
    } else {
      D.Problems.emplace_back(C.Source,
                              "unknown directive '" + Name.str() + "'");
    }
  }
  return D;
}

} // namespace claimlint
