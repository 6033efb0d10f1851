//===- unit/Context/ContextTestUtil.h - Helpers for context tests -*- C++
//-*-===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//
///
/// \file
/// Test inputs are plain text with the claim marked "[[like this]]". They are
/// read with readPlainText, so the tests do not depend on the engine, and
/// analysed with the real rules/lexicon.json.
///
//===----------------------------------------------------------------------===//

#ifndef CLAIMLINT_TESTS_UNIT_CONTEXT_CONTEXTTESTUTIL_H
#define CLAIMLINT_TESTS_UNIT_CONTEXT_CONTEXTTESTUTIL_H

#include "Context/Analyzer.h"
#include "Markup/Reader.h"

#include <string>
#include <vector>

namespace claimlint {
namespace test {

/// Text with its "[[...]]" marks removed, and the marked ranges (offsets
/// into the unmarked text).
struct Marked {
  std::string Text;
  std::vector<Range> Marks;
};
Marked parseMarks(llvm::StringRef Annotated);

/// rules/lexicon.json of this source tree, parsed once.
const Lexicon &realLexicon();
/// An Analyzer over realLexicon(), created once.
const Analyzer &realAnalyzer();

/// Analyses the first marked claim of \p Annotated with the real lexicon.
ContextResult analyzeMarked(llvm::StringRef Annotated);
/// analyzeMarked, then decide() for a rule of severity \p Base and policy \p P.
Decision decideMarked(llvm::StringRef Annotated, Severity Base,
                      const ClaimPolicy &P);

/// The kinds of the cues in \p R, for readable failure messages.
std::string cueSummary(const ContextResult &R);
/// The sentences of \p Text (plain text) as strings.
std::vector<std::string> sentencesOf(llvm::StringRef Text);

} // namespace test
} // namespace claimlint

#endif // CLAIMLINT_TESTS_UNIT_CONTEXT_CONTEXTTESTUTIL_H
