//===- unit/Output/OutputTestUtil.h - Reports for emitter tests -*- C++ -*-===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

#ifndef CLAIMLINT_TESTS_OUTPUT_OUTPUTTESTUTIL_H
#define CLAIMLINT_TESTS_OUTPUT_OUTPUTTESTUTIL_H

#include "Engine/Diagnostic.h"
#include "Output/Emitter.h"
#include "Support/LineIndex.h"

#include "llvm/Support/raw_ostream.h"

#include <string>
#include <vector>

namespace claimlint {
namespace test {

/// A diagnostic on the first occurrence (or the \p Nth) of \p Needle in
/// \p Text, with byte lines and columns computed as the linter does.
inline Diagnostic diagAt(const std::string &Path, const std::string &Text,
                         const std::string &Needle, const std::string &Rule,
                         Severity Sev = Severity::Warning, unsigned Nth = 1) {
  size_t At = std::string::npos;
  size_t From = 0;
  for (unsigned I = 0; I < Nth; ++I) {
    At = Text.find(Needle, From);
    From = At + 1;
  }
  Diagnostic D;
  D.Path = Path;
  D.RuleId = Rule;
  D.Sev = Sev;
  D.Offset = static_cast<uint32_t>(At == std::string::npos ? 0 : At);
  D.Length = static_cast<uint32_t>(Needle.size());
  LineIndex L(Text);
  LineIndex::Position B = L.position(D.Offset);
  LineIndex::Position E = L.position(D.Offset + D.Length);
  D.Line = B.Line;
  D.Column = B.Column;
  D.EndLine = E.Line;
  D.EndColumn = E.Column;
  D.Match = Needle;
  D.Message = "'" + Needle + "' is a claim";
  return D;
}

inline FileReport report(const std::string &Path, const std::string &Text,
                         std::vector<Diagnostic> Diags = {}) {
  FileReport R;
  R.Path = Path;
  R.Text = Text;
  R.Diags = std::move(Diags);
  return R;
}

/// Runs an emitter over \p Reports and returns what it wrote.
inline std::string emit(OutputFormat F, const std::vector<FileReport> &Reports,
                        EmitterOptions Opts = {}) {
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  auto E = makeEmitter(F, OS, Opts);
  Summary S;
  E->begin();
  for (const FileReport &R : Reports) {
    ++S.Files;
    if (!R.Diags.empty())
      ++S.FilesWithFindings;
    for (const Diagnostic &D : R.Diags)
      (D.Sev == Severity::Error     ? S.Errors
       : D.Sev == Severity::Warning ? S.Warnings
                                    : S.Infos)++;
    E->file(R);
  }
  E->end(S);
  OS.flush();
  return Out;
}

} // namespace test
} // namespace claimlint

#endif // CLAIMLINT_TESTS_OUTPUT_OUTPUTTESTUTIL_H
