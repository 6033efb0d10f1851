//===- Output/DiffFilter.cpp - Report only what a change touched ----------===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

#include "Output/DiffFilter.h"

#include "Support/Error.h"
#include "Support/FileSystem.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FileUtilities.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Program.h"

namespace claimlint {

std::string unquoteGitPath(llvm::StringRef S) {
  if (S.size() < 2 || !S.startswith("\"") || !S.endswith("\""))
    return S.str();
  S = S.drop_front().drop_back();
  std::string Out;
  for (size_t I = 0; I < S.size(); ++I) {
    char C = S[I];
    if (C != '\\' || I + 1 == S.size()) {
      Out.push_back(C);
      continue;
    }
    char N = S[++I];
    if (N >= '0' && N <= '7') {
      unsigned V = 0, K = 0;
      for (; K < 3 && I < S.size() && S[I] >= '0' && S[I] <= '7'; ++K, ++I)
        V = V * 8 + static_cast<unsigned>(S[I] - '0');
      --I;
      Out.push_back(static_cast<char>(V & 0xFF));
      continue;
    }
    switch (N) {
    case 'a':
      Out.push_back('\a');
      break;
    case 'b':
      Out.push_back('\b');
      break;
    case 'f':
      Out.push_back('\f');
      break;
    case 'n':
      Out.push_back('\n');
      break;
    case 'r':
      Out.push_back('\r');
      break;
    case 't':
      Out.push_back('\t');
      break;
    case 'v':
      Out.push_back('\v');
      break;
    default: // \\ and \" and anything unknown: the character itself
      Out.push_back(N);
    }
  }
  return Out;
}

ChangedLines ChangedLines::parseUnifiedDiff(llvm::StringRef Diff) {
  ChangedLines CL;
  std::string Current; // empty: no new side (deleted file) or none yet
  bool InHunk = false;
  while (!Diff.empty()) {
    llvm::StringRef Line;
    std::tie(Line, Diff) = Diff.split('\n');
    Line.consume_back("\r");
    if (Line.startswith("diff ")) {
      Current.clear();
      InHunk = false;
      continue;
    }
    if (!InHunk && Line.startswith("+++ ")) {
      std::string P = unquoteGitPath(Line.drop_front(4).rtrim("\t"));
      llvm::StringRef PR(P);
      Current = PR.consume_front("b/") ? PR.str() : std::string();
      continue;
    }
    if (!Line.startswith("@@ ")) {
      // A hunk's own lines start with ' ', '+', '-' or '\'; with
      // --unified=0 they never look like headers, so nothing to track.
      continue;
    }
    InHunk = true;
    if (Current.empty())
      continue;
    // "@@ -a[,b] +c[,d] @@ ..."
    size_t Plus = Line.find(" +");
    if (Plus == llvm::StringRef::npos)
      continue;
    llvm::StringRef Spec = Line.drop_front(Plus + 2);
    Spec = Spec.take_until([](char C) { return C == ' '; });
    llvm::StringRef StartS, CountS;
    std::tie(StartS, CountS) = Spec.split(',');
    unsigned Start = 0, Count = 1;
    if (StartS.getAsInteger(10, Start))
      continue;
    if (!CountS.empty() && CountS.getAsInteger(10, Count))
      continue;
    if (Count == 0)
      continue; // lines only removed
    CL.Ranges[Current].push_back({Start, Start + Count - 1});
  }
  return CL;
}

void ChangedLines::addWholeFile(llvm::StringRef Path) { Whole[Path] = 1; }

bool ChangedLines::touches(llvm::StringRef Path, unsigned Line,
                           unsigned EndLine) const {
  if (Whole.count(Path))
    return true;
  auto It = Ranges.find(Path);
  if (It == Ranges.end())
    return false;
  if (EndLine < Line)
    EndLine = Line;
  for (const auto &R : It->second)
    if (R.first <= EndLine && Line <= R.second)
      return true;
  return false;
}

std::vector<std::pair<unsigned, unsigned>>
ChangedLines::ranges(llvm::StringRef Path) const {
  auto It = Ranges.find(Path);
  if (It == Ranges.end())
    return {};
  return It->second;
}

namespace {

/// Runs git with \p Args; its standard output, or an error naming git's.
llvm::Expected<std::string> runGit(const std::vector<std::string> &Args) {
  auto Git = llvm::sys::findProgramByName("git");
  if (!Git)
    return makeError("--diff-base needs git, which is not on PATH");
  llvm::SmallString<128> OutPath, ErrPath;
  if (std::error_code EC =
          llvm::sys::fs::createTemporaryFile("claimlint-git", "out", OutPath))
    return makeError("--diff-base: cannot create a temporary file: " +
                     EC.message());
  llvm::FileRemover RemoveOut(OutPath);
  if (std::error_code EC =
          llvm::sys::fs::createTemporaryFile("claimlint-git", "err", ErrPath))
    return makeError("--diff-base: cannot create a temporary file: " +
                     EC.message());
  llvm::FileRemover RemoveErr(ErrPath);
  std::vector<llvm::StringRef> Argv{*Git};
  for (const std::string &A : Args)
    Argv.push_back(A);
  llvm::Optional<llvm::StringRef> Redirects[] = {
      llvm::StringRef(""), llvm::StringRef(OutPath), llvm::StringRef(ErrPath)};
  std::string ErrMsg;
  int RC = llvm::sys::ExecuteAndWait(*Git, Argv, llvm::None, Redirects, 0, 0,
                                     &ErrMsg);
  if (RC != 0) {
    std::string Why = ErrMsg;
    if (auto Err = readFile(ErrPath)) {
      llvm::StringRef E = llvm::StringRef(*Err).trim();
      if (!E.empty())
        Why = E.split('\n').first.str();
    } else {
      llvm::consumeError(Err.takeError());
    }
    std::string Cmd = "git";
    for (const std::string &A : Args)
      if (!llvm::StringRef(A).startswith("-") || A == "--merge-base")
        Cmd += " " + A;
    return makeError("--diff-base: '" + Cmd + "' failed" +
                     (Why.empty() ? std::string() : ": " + Why));
  }
  return readFile(OutPath);
}

std::string realOrAbsolute(llvm::StringRef Path) {
  llvm::SmallString<256> Real;
  if (!llvm::sys::fs::real_path(Path, Real))
    return std::string(Real);
  llvm::SmallString<256> Abs(Path);
  llvm::sys::fs::make_absolute(Abs);
  llvm::sys::path::remove_dots(Abs, /*remove_dot_dot=*/true);
  // The file may not exist (--stdin-filename); resolve its folder instead.
  llvm::StringRef Parent = llvm::sys::path::parent_path(Abs);
  if (!Parent.empty() && !llvm::sys::fs::real_path(Parent, Real)) {
    llvm::sys::path::append(Real, llvm::sys::path::filename(Abs));
    return std::string(Real);
  }
  return std::string(Abs);
}

} // namespace

llvm::Expected<DiffFilter> DiffFilter::create(llvm::StringRef Rev) {
  if (Rev.empty() || Rev.startswith("-"))
    return makeError("--diff-base needs a revision, got '" + Rev + "'");
  auto Top = runGit({"rev-parse", "--show-toplevel"});
  if (!Top)
    return Top.takeError();
  std::string Root = realOrAbsolute(llvm::StringRef(*Top).trim());
  auto Diff =
      runGit({"-C", Root, "-c", "core.quotePath=false", "diff", "--no-color",
              "--no-ext-diff", "--no-textconv", "--no-relative", "--unified=0",
              "--find-renames", "--src-prefix=a/", "--dst-prefix=b/",
              "--merge-base", Rev.str(), "--"});
  if (!Diff)
    return Diff.takeError();
  ChangedLines Lines = ChangedLines::parseUnifiedDiff(*Diff);
  auto Untracked =
      runGit({"-C", Root, "ls-files", "--others", "--exclude-standard", "-z"});
  if (!Untracked)
    return Untracked.takeError();
  llvm::SmallVector<llvm::StringRef, 16> Names;
  llvm::StringRef(*Untracked).split(Names, '\0', -1, false);
  for (llvm::StringRef N : Names)
    Lines.addWholeFile(N);
  return DiffFilter(std::move(Root), std::move(Lines));
}

bool DiffFilter::keep(llvm::StringRef Path, unsigned Line,
                      unsigned EndLine) const {
  std::string Abs = realOrAbsolute(Path);
  llvm::StringRef Rel(Abs);
  if (!Rel.consume_front(Root) || !Rel.consume_front("/"))
    return false; // outside the repository: nothing there changed
  return Lines.touches(Rel, Line, EndLine);
}

} // namespace claimlint
