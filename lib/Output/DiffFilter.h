//===- Output/DiffFilter.h - Report only what a change touched --*- C++ -*-===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//
///
/// \file
/// --diff-base REV: a pull request is judged on the lines it adds or changes.
/// The changed lines come from `git diff --merge-base REV` (from the merge
/// base of REV and HEAD to the working tree, so uncommitted edits count),
/// and untracked files count as wholly new. A finding is kept when any line
/// it spans was added or changed.
///
//===----------------------------------------------------------------------===//

#ifndef CLAIMLINT_OUTPUT_DIFFFILTER_H
#define CLAIMLINT_OUTPUT_DIFFFILTER_H

#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <string>
#include <utility>
#include <vector>

namespace claimlint {

/// Added or changed lines per file; paths relative to the repository root.
class ChangedLines {
public:
  /// Reads the output of `git diff --unified=0` with a/ and b/ prefixes:
  /// the new side's hunk ranges under each "+++ b/<path>" header (paths as
  /// git quotes them, with C escapes, are unquoted).
  static ChangedLines parseUnifiedDiff(llvm::StringRef Diff);

  /// Every line of \p Path counts as changed (an untracked file).
  void addWholeFile(llvm::StringRef Path);

  /// Whether any of the 1-based lines [Line, EndLine] of \p Path changed.
  bool touches(llvm::StringRef Path, unsigned Line, unsigned EndLine) const;

  /// The changed ranges of \p Path, 1-based and inclusive (for tests).
  std::vector<std::pair<unsigned, unsigned>> ranges(llvm::StringRef Path) const;

private:
  llvm::StringMap<std::vector<std::pair<unsigned, unsigned>>> Ranges;
  llvm::StringMap<char> Whole;
};

/// Unquotes a path as git writes it: "a\303\251 b\"c" -> aé b"c. Paths
/// without quotes come back unchanged.
std::string unquoteGitPath(llvm::StringRef S);

class DiffFilter {
public:
  /// Runs git in the current directory's repository.
  static llvm::Expected<DiffFilter> create(llvm::StringRef Rev);

  /// A filter over \p Lines for a repository at \p Root (for tests).
  DiffFilter(std::string Root, ChangedLines Lines)
      : Root(std::move(Root)), Lines(std::move(Lines)) {}

  /// Whether a finding on lines [Line, EndLine] of \p Path (as given on the
  /// command line, relative to the current directory or absolute) is kept.
  bool keep(llvm::StringRef Path, unsigned Line, unsigned EndLine) const;

private:
  std::string Root; ///< the repository's top level, symlinks resolved
  ChangedLines Lines;
};

} // namespace claimlint

#endif // CLAIMLINT_OUTPUT_DIFFFILTER_H
