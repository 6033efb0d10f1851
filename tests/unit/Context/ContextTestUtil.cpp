//===- unit/Context/ContextTestUtil.cpp - Helpers for context tests -------===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

#include "ContextTestUtil.h"

#include "Context/Segmenter.h"

#include "gtest/gtest.h"

#include <cstdlib>

namespace claimlint {
namespace test {

Marked parseMarks(llvm::StringRef Annotated) {
  Marked M;
  uint32_t Open = 0;
  bool InMark = false;
  for (size_t I = 0; I < Annotated.size(); ++I) {
    if (Annotated.substr(I).startswith("[[") && !InMark) {
      Open = static_cast<uint32_t>(M.Text.size());
      InMark = true;
      ++I;
      continue;
    }
    if (Annotated.substr(I).startswith("]]") && InMark) {
      M.Marks.push_back({Open, static_cast<uint32_t>(M.Text.size())});
      InMark = false;
      ++I;
      continue;
    }
    M.Text += Annotated[I];
  }
  return M;
}

const Lexicon &realLexicon() {
  static const Lexicon L = [] {
    std::string Path =
        std::string(CLAIMLINT_SOURCE_DIR) + "/rules/lexicon.json";
    auto Lex = Lexicon::load(Path);
    if (!Lex) {
      ADD_FAILURE() << "cannot load " << Path << ": "
                    << llvm::toString(Lex.takeError());
      std::abort();
    }
    return std::move(*Lex);
  }();
  return L;
}

const Analyzer &realAnalyzer() {
  static const std::unique_ptr<Analyzer> A = [] {
    auto An = Analyzer::create(realLexicon());
    if (!An) {
      ADD_FAILURE() << "cannot compile the lexicon: "
                    << llvm::toString(An.takeError());
      std::abort();
    }
    return std::move(*An);
  }();
  return *A;
}

ContextResult analyzeMarked(llvm::StringRef Annotated) {
  Marked M = parseMarks(Annotated);
  EXPECT_FALSE(M.Marks.empty()) << "no [[claim]] in: " << Annotated.str();
  if (M.Marks.empty())
    return {};
  Prose P = readPlainText(M.Text);
  Range Claim{P.fromOriginal(M.Marks[0].Begin), P.fromOriginal(M.Marks[0].End)};
  for (const Sentence &S : segmentSentences(P))
    if (S.Text.Begin <= Claim.Begin && Claim.End <= S.Text.End)
      return realAnalyzer().analyze(P.text(), S, Claim);
  ADD_FAILURE() << "the claim crosses a sentence boundary: " << Annotated.str();
  return {};
}

Decision decideMarked(llvm::StringRef Annotated, Severity Base,
                      const ClaimPolicy &P) {
  return Analyzer::decide(Base, P, analyzeMarked(Annotated));
}

std::string cueSummary(const ContextResult &R) {
  std::string S;
  for (const Cue &C : R.Cues)
    S += std::string(cueKindName(C.Kind)) + "('" + C.Text + "') ";
  return S.empty() ? "(no cues)" : S;
}

std::vector<std::string> sentencesOf(llvm::StringRef Text) {
  Prose P = readPlainText(Text);
  std::vector<std::string> Out;
  for (const Sentence &S : segmentSentences(P))
    Out.push_back(P.text().substr(S.Text.Begin, S.Text.size()));
  return Out;
}

} // namespace test
} // namespace claimlint
