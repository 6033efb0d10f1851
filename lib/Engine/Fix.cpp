//===- Engine/Fix.cpp - Apply safe suggestions (--fix) --------------------===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

#include "Engine/Fix.h"

#include "Support/Error.h"
#include "Support/FileSystem.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>

namespace claimlint {

namespace {

bool isAsciiLower(char C) { return C >= 'a' && C <= 'z'; }
bool isAsciiUpper(char C) { return C >= 'A' && C <= 'Z'; }

/// Why \p Span cannot be replaced blindly, or "".
std::string unsafeSpan(llvm::StringRef Span) {
  if (Span.empty())
    return "the finding is empty";
  if (Span.find_first_of("\r\n") != llvm::StringRef::npos)
    return "the text spans a line break";
  if (Span.find_first_of("*_`[]<>&\\|#~") != llvm::StringRef::npos)
    return "the text spans markup";
  return "";
}

} // namespace

FixPlan planFixes(llvm::StringRef Text, llvm::ArrayRef<Diagnostic> Diags) {
  FixPlan Plan;
  std::vector<const Diagnostic *> Order;
  for (const Diagnostic &D : Diags)
    Order.push_back(&D);
  std::stable_sort(Order.begin(), Order.end(),
                   [](const Diagnostic *X, const Diagnostic *Y) {
                     return X->Offset < Y->Offset;
                   });
  // A byte order mark is never part of an edit.
  uint32_t Floor = Text.startswith("\xEF\xBB\xBF") ? 3 : 0;
  uint64_t End = 0; // end of the last accepted edit
  for (const Diagnostic *D : Order) {
    const std::string *Safe = nullptr;
    for (size_t I = 0; I < D->Suggestions.size(); ++I)
      if (I < D->SafeSuggestions.size() && D->SafeSuggestions[I]) {
        Safe = &D->Suggestions[I];
        break;
      }
    if (!Safe)
      continue;
    auto Skip = [&](std::string Why) { Plan.Skipped.push_back({D, Why}); };
    if (uint64_t(D->Offset) + D->Length > Text.size() || D->Offset < Floor) {
      Skip("the finding lies outside the text");
      continue;
    }
    llvm::StringRef Span = Text.substr(D->Offset, D->Length);
    std::string Why = unsafeSpan(Span);
    if (!Why.empty()) {
      Skip(Why);
      continue;
    }
    if (llvm::StringRef(*Safe).find_first_of("\r\n") != llvm::StringRef::npos) {
      Skip("the suggestion spans a line break");
      continue;
    }
    if (!Plan.Edits.empty() && D->Offset < End) {
      Skip("it overlaps another fix");
      continue;
    }
    FixEdit E;
    E.Offset = D->Offset;
    E.Length = D->Length;
    E.Text = *Safe;
    E.RuleId = D->RuleId;
    // "Cures" starts a sentence; "FDA-approved" is an acronym, not a capital.
    bool Acronym = Span.size() > 1 && isAsciiUpper(Span[1]);
    if (!E.Text.empty() && isAsciiUpper(Span.front()) && !Acronym &&
        isAsciiLower(E.Text.front()))
      E.Text.front() = static_cast<char>(E.Text.front() - 'a' + 'A');
    End = uint64_t(E.Offset) + E.Length;
    Plan.Edits.push_back(std::move(E));
  }
  return Plan;
}

std::string applyEdits(llvm::StringRef Text, llvm::ArrayRef<FixEdit> Edits) {
  std::string Out;
  Out.reserve(Text.size());
  size_t Pos = 0;
  for (const FixEdit &E : Edits) {
    Out.append(Text.data() + Pos, E.Offset - Pos);
    Out += E.Text;
    Pos = size_t(E.Offset) + E.Length;
  }
  Out.append(Text.data() + Pos, Text.size() - Pos);
  return Out;
}

namespace {

/// The lines of \p T, each with its line ending ("\n", "\r\n" or a lone
/// "\r" counts as one).
std::vector<llvm::StringRef> splitLines(llvm::StringRef T) {
  std::vector<llvm::StringRef> Lines;
  size_t Start = 0;
  for (size_t I = 0; I < T.size(); ++I) {
    if (T[I] == '\n' || T[I] == '\r') {
      if (T[I] == '\r' && I + 1 < T.size() && T[I + 1] == '\n')
        ++I;
      Lines.push_back(T.slice(Start, I + 1));
      Start = I + 1;
    }
  }
  if (Start < T.size())
    Lines.push_back(T.drop_front(Start));
  return Lines;
}

void putLine(std::string &Out, char Mark, llvm::StringRef Line) {
  Out += Mark;
  Out += Line.str();
  if (Line.empty() || (Line.back() != '\n' && Line.back() != '\r'))
    Out += "\n\\ No newline at end of file\n";
  else if (Line.back() == '\r')
    Out += '\n'; // a lone CR ends the line in the file, not in the diff
}

std::string hunkRange(size_t Start, size_t Count) {
  // Unified diff: 1-based start; an empty range names the line before it.
  size_t First = Count ? Start + 1 : Start;
  return std::to_string(First) +
         (Count == 1 ? "" : "," + std::to_string(Count));
}

} // namespace

std::string unifiedDiff(llvm::StringRef Path, llvm::StringRef Before,
                        llvm::StringRef After, unsigned Context) {
  if (Before == After)
    return "";
  std::vector<llvm::StringRef> A = splitLines(Before), B = splitLines(After);
  // Longest common subsequence of lines on the region between the common
  // prefix and suffix (fixes change few lines, so the region is small).
  size_t Pre = 0;
  while (Pre < A.size() && Pre < B.size() && A[Pre] == B[Pre])
    ++Pre;
  size_t Suf = 0;
  while (Suf < A.size() - Pre && Suf < B.size() - Pre &&
         A[A.size() - 1 - Suf] == B[B.size() - 1 - Suf])
    ++Suf;
  size_t N = A.size() - Pre - Suf, M = B.size() - Pre - Suf;
  // Edit script as (op, index) over the middle: ' ', '-', '+'.
  std::vector<std::pair<char, size_t>> Script;
  for (size_t I = 0; I < Pre; ++I)
    Script.push_back({' ', I});
  if (N * M <= (size_t(1) << 24)) {
    std::vector<uint32_t> L((N + 1) * (M + 1), 0);
    auto At = [&](size_t I, size_t J) -> uint32_t & {
      return L[I * (M + 1) + J];
    };
    for (size_t I = N; I-- > 0;)
      for (size_t J = M; J-- > 0;)
        At(I, J) = A[Pre + I] == B[Pre + J]
                       ? At(I + 1, J + 1) + 1
                       : std::max(At(I + 1, J), At(I, J + 1));
    size_t I = 0, J = 0;
    while (I < N || J < M) {
      if (I < N && J < M && A[Pre + I] == B[Pre + J]) {
        Script.push_back({' ', Pre + I});
        ++I;
        ++J;
      } else if (J < M && (I == N || At(I, J + 1) >= At(I + 1, J))) {
        Script.push_back({'+', Pre + J++});
      } else {
        Script.push_back({'-', Pre + I++});
      }
    }
  } else {
    // Too large to align: the whole middle is replaced.
    for (size_t I = 0; I < N; ++I)
      Script.push_back({'-', Pre + I});
    for (size_t J = 0; J < M; ++J)
      Script.push_back({'+', Pre + J});
  }
  for (size_t I = 0; I < Suf; ++I)
    Script.push_back({' ', A.size() - Suf + I});
  // Deletions before insertions inside each run of changes, as diff does.
  for (size_t I = 0; I < Script.size();) {
    if (Script[I].first == ' ') {
      ++I;
      continue;
    }
    size_t J = I;
    while (J < Script.size() && Script[J].first != ' ')
      ++J;
    std::stable_partition(Script.begin() + I, Script.begin() + J,
                          [](const auto &S) { return S.first == '-'; });
    I = J;
  }

  std::string Label = Path.str();
  bool Abs = llvm::sys::path::is_absolute(Path);
  std::string Out = "--- " + (Abs ? Label : "a/" + Label) + "\n+++ " +
                    (Abs ? Label : "b/" + Label) + "\n";
  // Group changes into hunks with Context lines around them.
  size_t K = 0;
  while (K < Script.size()) {
    while (K < Script.size() && Script[K].first == ' ')
      ++K;
    if (K == Script.size())
      break;
    size_t Begin = K >= Context ? K - Context : 0;
    size_t End = K;
    // Extend while the next change is within 2 * Context unchanged lines.
    while (true) {
      while (End < Script.size() && Script[End].first != ' ')
        ++End;
      size_t Gap = End;
      while (Gap < Script.size() && Script[Gap].first == ' ')
        ++Gap;
      if (Gap < Script.size() && Gap - End <= 2 * Context) {
        End = Gap;
        continue;
      }
      End = std::min(Script.size(), End + Context);
      break;
    }
    // Line numbers of the hunk's first line in each file.
    size_t OldStart = 0, NewStart = 0, OldCount = 0, NewCount = 0;
    for (size_t I = 0; I < Begin; ++I) {
      if (Script[I].first != '+')
        ++OldStart;
      if (Script[I].first != '-')
        ++NewStart;
    }
    for (size_t I = Begin; I < End; ++I) {
      if (Script[I].first != '+')
        ++OldCount;
      if (Script[I].first != '-')
        ++NewCount;
    }
    Out += "@@ -" + hunkRange(OldStart, OldCount) + " +" +
           hunkRange(NewStart, NewCount) + " @@\n";
    for (size_t I = Begin; I < End; ++I) {
      char Op = Script[I].first;
      putLine(Out, Op, Op == '+' ? B[Script[I].second] : A[Script[I].second]);
    }
    K = End;
  }
  return Out;
}

namespace {

llvm::Error sysError(llvm::StringRef Path, const char *What, int Errno) {
  return makeError(Path + ": " + What + ": " + std::strerror(Errno));
}

/// The whole content of an open descriptor, from its start.
bool readAll(int FD, std::string &Out) {
  Out.clear();
  char Buf[65536];
  off_t Off = 0;
  while (true) {
    ssize_t N = ::pread(FD, Buf, sizeof(Buf), Off);
    if (N < 0) {
      if (errno == EINTR)
        continue;
      return false;
    }
    if (N == 0)
      return true;
    Out.append(Buf, static_cast<size_t>(N));
    Off += N;
  }
}

/// Whether \p Path still holds exactly \p Expected.
llvm::Error checkUnchanged(llvm::StringRef Path, llvm::StringRef Expected) {
  int FD = ::open(Path.str().c_str(), O_RDONLY | O_CLOEXEC);
  if (FD < 0)
    return sysError(Path, "cannot read it again", errno);
  std::string Now;
  bool Ok = readAll(FD, Now);
  int E = errno;
  ::close(FD);
  if (!Ok)
    return sysError(Path, "cannot read it again", E);
  if (Now != Expected)
    return makeError(Path + ": the file changed since it was read; not fixed "
                            "(run claimlint --fix again)");
  return llvm::Error::success();
}

} // namespace

llvm::Error writeFixedFile(llvm::StringRef Path, llvm::StringRef Before,
                           llvm::StringRef After, const WriteFixOptions &Opts) {
  // Follow a symbolic link: the link stays, its target is replaced.
  llvm::SmallString<256> Real;
  if (std::error_code EC = llvm::sys::fs::real_path(Path, Real))
    return makeError(Path + ": " + EC.message());
  std::string Target(Real.str());
  struct stat St;
  if (::stat(Target.c_str(), &St) != 0)
    return sysError(Path, "cannot stat it", errno);
  if (!S_ISREG(St.st_mode))
    return makeError(Path + ": not a regular file; not fixed");
  if (St.st_nlink > 1)
    return makeError(Path + ": the file has " + std::to_string(St.st_nlink) +
                     " hard links, which replacing it would split; not fixed");
  if (llvm::Error E = checkUnchanged(Target, Before))
    return E;

  llvm::SmallString<256> Dir(Target);
  llvm::sys::path::remove_filename(Dir);
  llvm::SmallString<256> Tmp(Dir);
  llvm::sys::path::append(Tmp, "." + llvm::sys::path::filename(Target).str() +
                                   ".claimlint-fix-XXXXXX");
  std::string TmpName(Tmp.str());
  int FD = ::mkstemp(TmpName.data());
  if (FD < 0)
    return sysError(Path, "cannot create a temporary file", errno);
  auto Fail = [&](llvm::Error E) {
    if (FD >= 0)
      ::close(FD);
    ::unlink(TmpName.c_str());
    return E;
  };
  if (::fchmod(FD, St.st_mode & 07777) != 0)
    return Fail(sysError(Path, "cannot set permissions", errno));
  // Keep the owner when we may (as root, or a group we belong to).
  (void)!::fchown(FD, St.st_uid, St.st_gid);
  size_t Done = 0;
  while (Done < After.size()) {
    ssize_t N = ::write(FD, After.data() + Done, After.size() - Done);
    if (N < 0) {
      if (errno == EINTR)
        continue;
      return Fail(sysError(Path, "write failed", errno));
    }
    Done += static_cast<size_t>(N);
  }
  if (::fsync(FD) != 0)
    return Fail(sysError(Path, "fsync failed", errno));
  int CloseResult = ::close(FD);
  FD = -1;
  if (CloseResult != 0)
    return Fail(sysError(Path, "close failed", errno));

  if (!Opts.PauseMarker.empty()) {
    if (llvm::Error E = writeFileAtomically(Opts.PauseMarker, TmpName))
      return Fail(std::move(E));
    // Wait until the test removes the marker (or kills us).
    for (int I = 0; I < 6000 && llvm::sys::fs::exists(Opts.PauseMarker); ++I)
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }

  // Last look: someone may have saved the file while we wrote ours.
  if (llvm::Error E = checkUnchanged(Target, Before))
    return Fail(std::move(E));
  if (::rename(TmpName.c_str(), Target.c_str()) != 0)
    return Fail(sysError(Path, "rename failed", errno));
  int DirFD = ::open(Dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (DirFD >= 0) {
    (void)::fsync(DirFD);
    ::close(DirFD);
  }
  return llvm::Error::success();
}

} // namespace claimlint
