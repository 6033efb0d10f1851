//===- Engine/FileWalker.cpp - Paths on the command line to files ---------===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//
//
// The walk is iterative, one folder at a time. Each folder's .claimlintignore
// applies to what is below it, after the ones above it (the last matching
// pattern wins, '!' re-includes), as in git; the one in the current folder
// applies to every relative path under it. An ignored folder is not entered.
//
//===----------------------------------------------------------------------===//

#include "Engine/FileWalker.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

#include <algorithm>
#include <memory>
#include <set>

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

namespace fs = llvm::sys::fs;

std::string clean(llvm::StringRef P) {
  llvm::SmallString<256> S(P);
  llvm::sys::path::remove_dots(S, /*remove_dot_dot=*/false);
  if (S.empty())
    return ".";
  return std::string(S.str());
}

//===----------------------------------------------------------------------===//
// gitignore patterns
//===----------------------------------------------------------------------===//

/// One path segment against one pattern segment: '*', '?', "[a-z]", "[!x]"
/// and '\' escapes; '*' never crosses '/' (segments have none).
bool matchSegment(llvm::StringRef P, llvm::StringRef S) {
  size_t PI = 0, SI = 0, StarP = llvm::StringRef::npos, StarS = 0;
  auto One = [&](size_t &I, char C) -> int { // 1 match, 0 no, -1 bad class
    char Pc = P[I];
    if (Pc == '?') {
      ++I;
      return 1;
    }
    if (Pc == '\\' && I + 1 < P.size()) {
      I += 2;
      return P[I - 1] == C;
    }
    if (Pc == '[') {
      size_t J = I + 1;
      bool Neg = J < P.size() && (P[J] == '!' || P[J] == '^');
      if (Neg)
        ++J;
      bool Hit = false;
      size_t First = J;
      for (; J < P.size() && (P[J] != ']' || J == First); ++J) {
        if (J + 2 < P.size() && P[J + 1] == '-' && P[J + 2] != ']') {
          Hit |= C >= P[J] && C <= P[J + 2];
          J += 2;
        } else {
          Hit |= P[J] == C;
        }
      }
      if (J >= P.size())
        return P[I] == C ? (++I, 1) : 0; // no ']': a literal '['
      I = J + 1;
      return Hit != Neg;
    }
    ++I;
    return Pc == C;
  };
  while (SI < S.size()) {
    if (PI < P.size() && P[PI] == '*') {
      StarP = PI++;
      StarS = SI;
      continue;
    }
    size_t Save = PI;
    if (PI < P.size() && One(PI, S[SI]) == 1) {
      ++SI;
      continue;
    }
    PI = Save;
    if (StarP == llvm::StringRef::npos)
      return false;
    PI = StarP + 1;
    SI = ++StarS;
  }
  while (PI < P.size() && P[PI] == '*')
    ++PI;
  return PI == P.size();
}

/// Segments of a pattern against segments of a path; "**" matches any
/// number of segments.
bool matchSegments(llvm::ArrayRef<llvm::StringRef> P,
                   llvm::ArrayRef<llvm::StringRef> S) {
  if (P.empty())
    return S.empty();
  if (P.front() == "**") {
    for (size_t K = 0; K <= S.size(); ++K)
      if (matchSegments(P.drop_front(), S.drop_front(K)))
        return true;
    return false;
  }
  return !S.empty() && matchSegment(P.front(), S.front()) &&
         matchSegments(P.drop_front(), S.drop_front());
}

struct IgnorePattern {
  std::string Glob;
  bool Negate = false;
  bool DirOnly = false;
  bool Anchored = false; ///< matched against the whole relative path
};

struct IgnoreFile {
  std::string Dir; ///< display path of its folder ("." for the top)
  std::vector<IgnorePattern> Patterns;
};

std::shared_ptr<IgnoreFile> loadIgnore(llvm::StringRef Dir) {
  llvm::SmallString<256> P(Dir);
  llvm::sys::path::append(P, ".claimlintignore");
  auto Buf = llvm::MemoryBuffer::getFile(P);
  if (!Buf)
    return nullptr;
  auto F = std::make_shared<IgnoreFile>();
  F->Dir = Dir.str();
  llvm::SmallVector<llvm::StringRef, 32> Lines;
  (*Buf)->getBuffer().split(Lines, '\n');
  for (llvm::StringRef L : Lines) {
    L = L.rtrim("\r");
    // Trailing spaces go unless escaped.
    while (L.endswith(" ") && !L.endswith("\\ "))
      L = L.drop_back();
    if (L.empty() || L.startswith("#"))
      continue;
    IgnorePattern Pat;
    if (L.startswith("!")) {
      Pat.Negate = true;
      L = L.drop_front();
    } else if (L.startswith("\\!") || L.startswith("\\#")) {
      L = L.drop_front();
    }
    if (L.endswith("/")) {
      Pat.DirOnly = true;
      L = L.rtrim('/');
    }
    if (L.empty())
      continue;
    Pat.Anchored = L.contains('/');
    if (L.startswith("/"))
      L = L.drop_front();
    Pat.Glob = L.str();
    F->Patterns.push_back(std::move(Pat));
  }
  return F;
}

/// \p Rel uses '/' and is relative to the ignore file's folder. Returns 1
/// ignored, -1 re-included, 0 no pattern matched.
int matchIgnore(const IgnoreFile &F, llvm::StringRef Rel, bool IsDir) {
  llvm::SmallVector<llvm::StringRef, 8> Segs;
  Rel.split(Segs, '/', -1, false);
  if (Segs.empty())
    return 0;
  int Result = 0;
  for (const IgnorePattern &P : F.Patterns) {
    if (P.DirOnly && !IsDir)
      continue;
    bool Hit;
    if (P.Anchored) {
      llvm::SmallVector<llvm::StringRef, 8> PSegs;
      llvm::StringRef(P.Glob).split(PSegs, '/', -1, false);
      Hit = matchSegments(PSegs, Segs);
    } else {
      Hit = matchSegment(P.Glob, Segs.back());
    }
    if (Hit)
      Result = P.Negate ? -1 : 1;
  }
  return Result;
}

/// \p Path relative to \p Dir with '/' separators, or "" when it is not
/// below Dir.
std::string relativeTo(llvm::StringRef Dir, llvm::StringRef Path) {
  std::string D = clean(Dir), P = clean(Path);
  std::replace(D.begin(), D.end(), '\\', '/');
  std::replace(P.begin(), P.end(), '\\', '/');
  if (D == ".")
    return llvm::StringRef(P).startswith("../") ||
                   llvm::sys::path::is_absolute(P)
               ? std::string()
               : P;
  if (!llvm::StringRef(P).startswith(D + "/"))
    return "";
  return P.substr(D.size() + 1);
}

using IgnoreChain = std::vector<std::shared_ptr<IgnoreFile>>;

bool ignored(const IgnoreChain &Chain, llvm::StringRef Path, bool IsDir) {
  int Result = 0;
  for (const auto &F : Chain) {
    std::string Rel = relativeTo(F->Dir, Path);
    if (Rel.empty())
      continue;
    if (int R = matchIgnore(*F, Rel, IsDir))
      Result = R;
  }
  return Result > 0;
}

/// True if the first 8 KiB of \p Path hold a NUL byte, as text never does.
/// Sets \p Error when the file cannot be read.
bool looksBinary(llvm::StringRef Path, std::string &Error) {
  int FD;
  if (std::error_code EC = fs::openFileForRead(Path, FD)) {
    Error = EC.message();
    return false;
  }
  char Buf[8192];
  fs::file_t F = fs::convertFDToNativeFile(FD);
  auto N = fs::readNativeFileSlice(F, llvm::MutableArrayRef<char>(Buf), 0);
  fs::closeFile(F);
  if (!N) {
    Error = llvm::toString(N.takeError());
    return false;
  }
  llvm::StringRef Head(Buf, *N);
  // UTF-16 text is full of NULs but is not binary: the linter reports it.
  if (Head.startswith("\xFF\xFE") || Head.startswith("\xFE\xFF"))
    return false;
  return Head.contains('\0');
}

class Walker {
public:
  Walker(WalkResult &R, llvm::function_ref<bool(llvm::StringRef)> Wanted)
      : R(R), Wanted(Wanted) {
    if (auto Top = loadIgnore("."))
      Base.push_back(Top);
  }

  void file(const std::string &Path) {
    std::string Error;
    if (looksBinary(Path, Error)) {
      R.Notes.push_back(Path + ": binary file skipped");
      return;
    }
    if (!Error.empty()) {
      R.Errors.push_back(Path + ": " + Error);
      return;
    }
    R.Files.push_back(Path);
  }

  void walk(const std::string &Root) {
    struct Dir {
      std::string Path;
      IgnoreChain Chain;
    };
    std::vector<Dir> Stack;
    Stack.push_back({Root, Base});
    while (!Stack.empty()) {
      Dir D = std::move(Stack.back());
      Stack.pop_back();
      fs::UniqueID ID;
      if (!fs::getUniqueID(D.Path, ID) && !Visited.insert(ID).second) {
        R.Notes.push_back(D.Path + ": folder already walked (symlink loop?); "
                                   "skipped");
        continue;
      }
      if (auto F = loadIgnore(D.Path))
        D.Chain.push_back(F);
      std::error_code EC;
      std::vector<std::string> Entries;
      for (fs::directory_iterator It(D.Path, EC, /*follow_symlinks=*/false),
           End;
           It != End && !EC; It.increment(EC))
        Entries.push_back(It->path());
      if (EC) {
        R.Errors.push_back(D.Path + ": " + EC.message());
        continue;
      }
      std::sort(Entries.begin(), Entries.end(), std::greater<std::string>());
      for (const std::string &E : Entries) {
        std::string P = clean(E);
        llvm::StringRef Name = llvm::sys::path::filename(P);
        if (Name.startswith(".") || Name == "node_modules")
          continue;
        fs::file_status St;
        if (fs::status(P, St)) // a dangling symlink
          continue;
        bool IsDir = fs::is_directory(St);
        if (!IsDir && !fs::is_regular_file(St))
          continue;
        if (ignored(D.Chain, P, IsDir))
          continue;
        if (IsDir)
          Stack.push_back({P, D.Chain});
        else if (Wanted(P))
          file(P);
      }
    }
  }

private:
  WalkResult &R;
  llvm::function_ref<bool(llvm::StringRef)> Wanted;
  IgnoreChain Base;
  std::set<fs::UniqueID> Visited;
};

} // namespace

WalkResult walkPaths(llvm::ArrayRef<std::string> Paths,
                     llvm::function_ref<bool(llvm::StringRef)> Wanted) {
  WalkResult R;
  Walker W(R, Wanted);
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
      W.file(clean(Input));
      continue;
    }
    W.walk(clean(Input));
  }
  std::sort(R.Files.begin(), R.Files.end());
  R.Files.erase(std::unique(R.Files.begin(), R.Files.end()), R.Files.end());
  return R;
}

} // namespace claimlint
