//===- Engine/FileWalker.h - Paths on the command line to files -*- C++ -*-===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//
///
/// \file
/// Expands files and folders into the files to lint. Folders are walked
/// recursively for known extensions; hidden entries, node_modules and what
/// a .claimlintignore (gitignore syntax) names are skipped; symlinks to
/// folders are followed once (a loop is noticed and skipped); binary files
/// are skipped with a note; an unreadable folder is an error and the walk
/// goes on. The result is sorted by path and free of duplicates.
///
//===----------------------------------------------------------------------===//

#ifndef CLAIMLINT_ENGINE_FILEWALKER_H
#define CLAIMLINT_ENGINE_FILEWALKER_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/StringRef.h"

#include <string>
#include <vector>

namespace claimlint {

struct WalkResult {
  std::vector<std::string> Files;  ///< display paths, sorted
  std::vector<std::string> Errors; ///< "path: reason"
  std::vector<std::string> Notes;  ///< "path: reason" (skipped, not errors)
};

/// \p Wanted decides, for a file found inside a folder, whether to lint it
/// (explicitly named files are always linted).
WalkResult walkPaths(llvm::ArrayRef<std::string> Paths,
                     llvm::function_ref<bool(llvm::StringRef)> Wanted);

/// The default extensions: .md .markdown .mdown .mkd .txt .text .html .htm
/// .xhtml.
bool hasLintableExtension(llvm::StringRef Path);

} // namespace claimlint

#endif // CLAIMLINT_ENGINE_FILEWALKER_H
