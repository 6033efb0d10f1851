//===- Engine/FileWalker.cpp - Paths on the command line to files ---------===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

#include "Engine/FileWalker.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

#include <algorithm>

namespace claimlint {

bool hasLintableExtension(llvm::StringRef Path) {
  std::string Ext = llvm::sys::path::extension(Path).lower();
  for (const char *E : {".md", ".markdown", ".mdown", ".mkd", ".txt", ".text",
                        ".html", ".htm", ".xhtml"})
    if (Ext == E)
      return true;
  return false;
}

namespace {
std::string clean(llvm::StringRef P) {
  llvm::SmallString<256> S(P);
  llvm::sys::path::remove_dots(S, /*remove_dot_dot=*/false);
  if (S.empty())
    return ".";
  return std::string(S.str());
}
} // namespace

WalkResult walkPaths(llvm::ArrayRef<std::string> Paths,
                     llvm::function_ref<bool(llvm::StringRef)> Wanted) {
  WalkResult R;
  namespace fs = llvm::sys::fs;
  for (const std::string &Input : Paths) {
    if (Input == "-") {
      R.Files.push_back("-");
      continue;
    }
    fs::file_status St;
    if (std::error_code EC = fs::status(Input, St)) {
      R.Errors.push_back(Input + ": " + EC.message());
      continue;
    }
    if (!fs::is_directory(St)) {
      R.Files.push_back(clean(Input));
      continue;
    }
    std::error_code EC;
    fs::recursive_directory_iterator It(Input, EC, /*follow_symlinks=*/false),
        End;
    for (; It != End && !EC; It.increment(EC)) {
      llvm::StringRef P = It->path();
      llvm::StringRef Name = llvm::sys::path::filename(P);
      fs::file_type Type = It->type();
      if (Name.startswith(".") || Name == "node_modules") {
        if (Type == fs::file_type::directory_file)
          It.no_push();
        continue;
      }
      if (Type == fs::file_type::directory_file)
        continue;
      if (Type == fs::file_type::symlink_file) {
        // Follow links to files, never to folders (no loops).
        fs::file_status LS;
        if (fs::status(P, LS) || fs::is_directory(LS))
          continue;
      } else if (Type != fs::file_type::regular_file) {
        continue;
      }
      if (Wanted(P))
        R.Files.push_back(clean(P));
    }
    if (EC)
      R.Errors.push_back(Input + ": " + EC.message());
  }
  std::sort(R.Files.begin(), R.Files.end());
  R.Files.erase(std::unique(R.Files.begin(), R.Files.end()), R.Files.end());
  return R;
}

} // namespace claimlint
