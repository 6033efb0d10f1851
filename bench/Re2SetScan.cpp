//===- bench/Re2SetScan.cpp - The bare RE2::Set baseline ------------------===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//
//
// The floor bench/compare measures claimlint against: a rules.txt list
// ("id<TAB>regex" lines) compiled into one RE2::Set, each pattern wrapped as
// \b(?:regex)\b and case-insensitive. Every file is read whole and cut into
// paragraphs at blank lines; the set says which patterns occur in a
// paragraph and only those run again for positions. No markup, no context,
// no output beyond a count, so this is what matching alone costs.
//
//   re2-set-scan [--no-positions] RULES.txt PATH...
//
// A PATH that is a folder is walked recursively (files in sorted order).
// Prints "files F bytes B paragraphs P hits H" on stdout.
//
//===----------------------------------------------------------------------===//

#include <re2/re2.h>
#include <re2/set.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

namespace {

struct Scanner {
  std::unique_ptr<RE2::Set> Set;
  std::vector<std::unique_ptr<RE2>> Patterns;
  bool Positions = true;
  unsigned long long Files = 0, Bytes = 0, Paragraphs = 0, Hits = 0;
  std::vector<int> Candidates;

  void scanParagraph(const char *B, size_t N) {
    ++Paragraphs;
    re2::StringPiece T(B, N);
    Candidates.clear();
    if (!Set->Match(T, &Candidates))
      return;
    if (!Positions) {
      Hits += Candidates.size();
      return;
    }
    for (int I : Candidates) {
      const RE2 &Re = *Patterns[I];
      re2::StringPiece M;
      size_t Pos = 0;
      while (Pos <= N && Re.Match(T, Pos, N, RE2::UNANCHORED, &M, 1)) {
        size_t End = static_cast<size_t>(M.data() - B) + M.size();
        Pos = M.empty() ? End + 1 : End;
        if (!M.empty())
          ++Hits;
      }
    }
  }

  /// Paragraphs end at a line holding only spaces and tabs.
  void scanText(const std::string &S) {
    ++Files;
    Bytes += S.size();
    const char *P = S.data(), *E = P + S.size();
    const char *ParaBegin = P;
    const char *Line = P;
    while (Line < E) {
      const char *NL =
          static_cast<const char *>(std::memchr(Line, '\n', E - Line));
      const char *LineEnd = NL ? NL : E;
      bool Blank = true;
      for (const char *C = Line; C < LineEnd; ++C)
        if (*C != ' ' && *C != '\t' && *C != '\r') {
          Blank = false;
          break;
        }
      if (Blank) {
        if (Line > ParaBegin)
          scanParagraph(ParaBegin, Line - ParaBegin);
        ParaBegin = NL ? NL + 1 : E;
      }
      Line = NL ? NL + 1 : E;
    }
    if (E > ParaBegin)
      scanParagraph(ParaBegin, E - ParaBegin);
  }
};

bool readFile(const std::string &Path, std::string &Out) {
  std::ifstream In(Path, std::ios::binary);
  if (!In)
    return false;
  In.seekg(0, std::ios::end);
  Out.resize(static_cast<size_t>(In.tellg()));
  In.seekg(0);
  In.read(Out.data(), static_cast<std::streamsize>(Out.size()));
  return static_cast<bool>(In);
}

} // namespace

int main(int Argc, char **Argv) {
  Scanner S;
  int A = 1;
  if (A < Argc && std::strcmp(Argv[A], "--no-positions") == 0) {
    S.Positions = false;
    ++A;
  }
  if (Argc - A < 2) {
    std::fprintf(stderr,
                 "usage: re2-set-scan [--no-positions] RULES.txt PATH...\n");
    return 2;
  }
  std::string Rules;
  if (!readFile(Argv[A], Rules)) {
    std::fprintf(stderr, "re2-set-scan: cannot read %s\n", Argv[A]);
    return 2;
  }
  RE2::Options O;
  O.set_case_sensitive(false);
  O.set_max_mem(64 << 20);
  O.set_log_errors(false);
  S.Set = std::make_unique<RE2::Set>(O, RE2::UNANCHORED);
  size_t Pos = 0;
  while (Pos < Rules.size()) {
    size_t NL = Rules.find('\n', Pos);
    std::string Line = Rules.substr(
        Pos, NL == std::string::npos ? std::string::npos : NL - Pos);
    Pos = NL == std::string::npos ? Rules.size() : NL + 1;
    if (!Line.empty() && Line.back() == '\r')
      Line.pop_back();
    if (Line.empty() || Line[0] == '#')
      continue;
    size_t Tab = Line.find('\t');
    if (Tab == std::string::npos)
      continue;
    std::string Re = "\\b(?:" + Line.substr(Tab + 1) + ")\\b";
    std::string Err;
    if (S.Set->Add(Re, &Err) < 0) {
      std::fprintf(stderr, "re2-set-scan: bad pattern %s: %s\n", Re.c_str(),
                   Err.c_str());
      return 2;
    }
    S.Patterns.push_back(std::make_unique<RE2>(Re, O));
  }
  if (!S.Set->Compile()) {
    std::fprintf(stderr, "re2-set-scan: the set does not compile\n");
    return 2;
  }

  std::string Text;
  for (++A; A < Argc; ++A) {
    std::vector<std::string> Files;
    std::error_code EC;
    if (std::filesystem::is_directory(Argv[A], EC)) {
      for (const auto &E :
           std::filesystem::recursive_directory_iterator(Argv[A], EC))
        if (E.is_regular_file())
          Files.push_back(E.path().string());
      std::sort(Files.begin(), Files.end());
    } else {
      Files.push_back(Argv[A]);
    }
    for (const std::string &F : Files) {
      if (!readFile(F, Text)) {
        std::fprintf(stderr, "re2-set-scan: cannot read %s\n", F.c_str());
        return 2;
      }
      S.scanText(Text);
    }
  }
  std::printf("files %llu bytes %llu paragraphs %llu hits %llu\n", S.Files,
              S.Bytes, S.Paragraphs, S.Hits);
  return 0;
}
