//===- Engine/Fix.h - Apply safe suggestions (--fix) -------------*- C++
//-*-===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//
///
/// \file
/// The --fix engine. A rule marks a suggestion safe when it may replace the
/// matched text without a person reading it (Suggestion::Safe). planFixes()
/// picks, for each finding, its first safe suggestion; applyEdits() makes
/// the new text; unifiedDiff() shows it (--fix-dry-run); writeFixedFile()
/// replaces the file atomically, and only if it has not changed since it
/// was read. See docs/cli.md ("Fixing") and docs/reliability.md.
///
/// An edit only ever replaces a finding's bytes, so everything else in the
/// file (line endings, a byte order mark, trailing white space) is kept.
///
//===----------------------------------------------------------------------===//

#ifndef CLAIMLINT_ENGINE_FIX_H
#define CLAIMLINT_ENGINE_FIX_H

#include "Engine/Diagnostic.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <string>
#include <vector>

namespace claimlint {

/// Bytes [Offset, Offset + Length) of a file become Text.
struct FixEdit {
  uint32_t Offset = 0;
  uint32_t Length = 0;
  std::string Text;
  std::string RuleId;
};

struct FixPlan {
  std::vector<FixEdit> Edits; ///< sorted by offset, never overlapping
  /// Findings with a safe suggestion that was not applied, and why
  /// ("overlaps another fix", "the text spans markup").
  std::vector<std::pair<const Diagnostic *, std::string>> Skipped;
};

/// The edits --fix makes to \p Text given its findings \p Diags. A finding's
/// first safe suggestion replaces its span, with the first letter upper-cased
/// when the matched text starts with a capital. A finding is left alone when
/// its span holds markup or a character reference (`*`, `_`, `` ` ``, `[`,
/// `]`, `<`, `>`, `&`, `\`, `|`, `#`, `~`) or a line break, when the
/// suggestion holds a line break, or when it overlaps an earlier fix.
FixPlan planFixes(llvm::StringRef Text, llvm::ArrayRef<Diagnostic> Diags);

/// \p Text with \p Edits (sorted, disjoint, inside the text) applied.
std::string applyEdits(llvm::StringRef Text, llvm::ArrayRef<FixEdit> Edits);

/// A unified diff from \p Before to \p After, with \p Context lines around
/// each change and headers "--- a/PATH" and "+++ b/PATH" (an absolute PATH is
/// shown as it is). Empty when the texts are equal. Lines keep their own
/// endings; a last line without one is followed by
/// "\ No newline at end of file".
std::string unifiedDiff(llvm::StringRef Path, llvm::StringRef Before,
                        llvm::StringRef After, unsigned Context = 3);

struct WriteFixOptions {
  /// Tests only: after the temporary file is written and flushed, create
  /// this file (holding the temporary file's path) and wait until it is
  /// removed (at most a minute) before the rename, so a test can kill the
  /// process there, or change the file under it.
  std::string PauseMarker;
};

/// Replaces the file at \p Path (a symbolic link is followed, so the link
/// stays a link) with \p After, atomically: a temporary file in the same
/// folder, with the original's permission bits (and owner, when allowed),
/// written and fsync'ed, then renamed over the original, then the folder
/// fsync'ed. Refuses, changing nothing, when the file no longer holds
/// \p Before (checked before writing and again just before the rename) or
/// has more than one hard link (a rename would split them).
llvm::Error writeFixedFile(llvm::StringRef Path, llvm::StringRef Before,
                           llvm::StringRef After,
                           const WriteFixOptions &Opts = {});

} // namespace claimlint

#endif // CLAIMLINT_ENGINE_FIX_H
