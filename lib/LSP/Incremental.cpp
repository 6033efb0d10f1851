//===- LSP/Incremental.cpp - Re-lint only what an edit touched ------------===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

#include "LSP/Incremental.h"

#include "Markup/Reader.h"
#include "Support/LineIndex.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/xxhash.h"

#include <algorithm>
#include <tuple>

namespace claimlint {
namespace lsp {

namespace {

struct LineSpan {
  uint32_t Begin, End, Next; // text [Begin, End), next line at Next
};

std::vector<LineSpan> splitLines(llvm::StringRef Text) {
  std::vector<LineSpan> Out;
  uint32_t N = static_cast<uint32_t>(Text.size());
  for (uint32_t I = 0; I < N;) {
    uint32_t E = I;
    while (E < N && Text[E] != '\n' && Text[E] != '\r')
      ++E;
    uint32_t Next = E;
    if (Next < N)
      Next += (Text[E] == '\r' && E + 1 < N && Text[E + 1] == '\n') ? 2 : 1;
    Out.push_back({I, E, Next});
    I = Next;
  }
  return Out;
}

bool isBlank(llvm::StringRef L) { return L.trim(" \t").empty(); }

/// "- ", "* ", "+ ", "1. ", "1) " (a list item, whose list may be loose).
bool startsListItem(llvm::StringRef L) {
  if (L.size() >= 2 && llvm::StringRef("-*+").contains(L[0]) &&
      (L[1] == ' ' || L[1] == '\t'))
    return true;
  if (L.size() == 1 && llvm::StringRef("-*+").contains(L[0]))
    return true;
  size_t D = 0;
  while (D < L.size() && D < 10 && llvm::isDigit(L[D]))
    ++D;
  return D > 0 && D < L.size() && (L[D] == '.' || L[D] == ')');
}

/// Raw HTML (a tag, comment, declaration) anywhere: the HTML reader keeps
/// state across blocks, so such pages are linted whole.
bool hasRawHtml(llvm::StringRef Text) {
  for (size_t I = Text.find('<'); I != llvm::StringRef::npos;
       I = Text.find('<', I + 1)) {
    if (I + 1 >= Text.size())
      break;
    char C = Text[I + 1];
    if (llvm::isAlpha(C) || C == '/' || C == '!' || C == '?')
      return true;
  }
  return false;
}

/// A link reference definition ("[x]: url") changes how "[x]" reads
/// anywhere in the page.
bool hasReferenceDefinition(llvm::StringRef Text,
                            const std::vector<LineSpan> &Lines) {
  for (const LineSpan &L : Lines) {
    llvm::StringRef S = Text.slice(L.Begin, L.End);
    llvm::StringRef T = S.ltrim(" \t");
    if (!T.startswith("["))
      continue;
    size_t Close = T.find("]:");
    if (Close != llvm::StringRef::npos)
      return true;
    // A label may run onto the next line: be safe.
    if (T.find(']') == llvm::StringRef::npos)
      return true;
  }
  return false;
}

} // namespace

llvm::Optional<std::vector<uint32_t>> splitIntoChunks(llvm::StringRef Text,
                                                      FileType Type) {
  if (Type == FileType::Html)
    return llvm::None;
  // Directives reach across blocks (next line, regions, evidence notes).
  if (Text.contains("claimlint-"))
    return llvm::None;
  std::vector<LineSpan> Lines = splitLines(Text);
  bool Markdown = Type == FileType::Markdown;
  if (Markdown && (hasRawHtml(Text) || hasReferenceDefinition(Text, Lines)))
    return llvm::None;

  std::vector<uint32_t> Starts{0};
  size_t First = 0;
  if (Markdown && !Lines.empty()) {
    // Front matter: no boundary before its closing line.
    llvm::StringRef L0 = Text.slice(Lines[0].Begin, Lines[0].End);
    if (L0.startswith("\xEF\xBB\xBF"))
      L0 = L0.drop_front(3);
    L0 = L0.rtrim(" \t");
    if (L0 == "---" || L0 == "+++") {
      for (size_t K = 1; K < Lines.size(); ++K) {
        llvm::StringRef S =
            Text.slice(Lines[K].Begin, Lines[K].End).rtrim(" \t");
        if (S == L0 || (L0 == "---" && S == "...")) {
          First = K + 1;
          break;
        }
      }
    }
  }
  char FenceChar = 0;
  size_t FenceLen = 0;
  for (size_t K = 0; K < Lines.size(); ++K) {
    llvm::StringRef S = Text.slice(Lines[K].Begin, Lines[K].End);
    if (Markdown) {
      llvm::StringRef T = S.ltrim(" \t");
      size_t Indent = S.size() - T.size();
      size_t Run = 0;
      while (Run < T.size() && (T[Run] == '`' || T[Run] == '~') &&
             T[Run] == T[0])
        ++Run;
      if (!FenceChar) {
        if (Run >= 3) {
          // Only fences that cannot be read another way are followed: at
          // column 0 after a blank line (elsewhere one may sit in a list
          // item, a table or a paragraph), with a valid info string.
          bool AfterBlank = K == First || isBlank(Text.slice(Lines[K - 1].Begin,
                                                             Lines[K - 1].End));
          if (Indent != 0 || !AfterBlank ||
              (T[0] == '`' && T.drop_front(Run).contains('`')))
            return llvm::None;
          FenceChar = T[0];
          FenceLen = Run;
          continue;
        }
      } else {
        if (Run >= FenceLen && T[0] == FenceChar && Indent <= 3 &&
            isBlank(T.drop_front(Run)))
          FenceChar = 0;
        continue; // inside a fence: no boundary
      }
    }
    if (K == 0 || K < First || isBlank(S))
      continue;
    llvm::StringRef Prev = Text.slice(Lines[K - 1].Begin, Lines[K - 1].End);
    if (!isBlank(Prev) || S[0] == ' ' || S[0] == '\t')
      continue;
    if (Markdown &&
        (S.startswith("---") || S.startswith("+++") || startsListItem(S)))
      continue;
    Starts.push_back(Lines[K].Begin);
  }
  return Starts;
}

IncrementalLinter::IncrementalLinter(const RuleSet &Rules, const Analyzer &A,
                                     LintOptions O)
    : Rules(Rules), Opts(O), Whole(Rules, A, O), PerChunk(Rules, A, [&] {
        LintOptions C = O;
        C.MinSeverity = Severity::Info;
        return C;
      }()) {}

namespace {
bool before(const Diagnostic &X, const Diagnostic &Y) {
  return std::tie(X.Offset, X.Length, X.RuleId) <
         std::tie(Y.Offset, Y.Length, Y.RuleId);
}
} // namespace

size_t LintResult::size() const {
  size_t N = 0;
  forEach(
      [&](const Diagnostic &, uint32_t, const LintChunk *, size_t) { ++N; });
  return N;
}

std::vector<Diagnostic> LintResult::materialize(llvm::StringRef Text) const {
  std::vector<Diagnostic> Out;
  forEach([&](const Diagnostic &D, uint32_t Base, const LintChunk *, size_t) {
    Out.push_back(D);
    Out.back().Offset += Base;
    for (DiagnosticCue &C : Out.back().Cues)
      C.Offset += Base;
  });
  std::sort(Out.begin(), Out.end(), before);
  if (!Parts.empty()) {
    LineIndex Lines(Text);
    for (Diagnostic &D : Out) {
      LineIndex::Position B = Lines.position(D.Offset);
      LineIndex::Position E = Lines.position(D.Offset + D.Length);
      D.Line = B.Line;
      D.Column = B.Column;
      D.EndLine = E.Line;
      D.EndColumn = E.Column;
    }
  }
  return Out;
}

LintResult IncrementalLinter::lint(llvm::StringRef Path,
                                   const std::string &Text,
                                   const FileSettings &S) {
  LintResult Result;
  llvm::Optional<std::vector<uint32_t>> Starts = splitIntoChunks(Text, S.Type);
  if (!Starts || Starts->size() < 2) {
    Cache.clear();
    LastLinted = 1;
    LastChunks = 0;
    Result.Whole = Whole.lint(Path.str(), Text, S).Diags;
    return Result;
  }
  Result.MinSeverity = Opts.MinSeverity;

  // Chunks are linted without document rules; those are decided below.
  const std::vector<Rule> &All = Rules.rules();
  FileSettings CS = S;
  std::vector<unsigned> DocRules;
  for (unsigned RI = 0; RI < All.size(); ++RI)
    if (All[RI].Kind == RuleKind::Document) {
      if (S.Enabled[RI])
        DocRules.push_back(RI);
      CS.Enabled[RI] = 0;
    }

  std::unordered_multimap<uint64_t, std::shared_ptr<const Chunk>> Next;
  LastLinted = 0;
  LastChunks = static_cast<unsigned>(Starts->size());
  auto Lookup =
      [](const std::unordered_multimap<uint64_t, std::shared_ptr<const Chunk>>
             &M,
         uint64_t H, llvm::StringRef Piece) {
        auto Range = M.equal_range(H);
        for (auto It = Range.first; It != Range.second; ++It)
          if (It->second->Text == Piece)
            return It->second;
        return std::shared_ptr<const Chunk>();
      };
  bool AnyDocRule = false;
  for (const Rule &R : All)
    AnyDocRule |= R.Kind == RuleKind::Document;
  for (size_t I = 0; I < Starts->size(); ++I) {
    uint32_t B = (*Starts)[I];
    uint32_t E = I + 1 < Starts->size() ? (*Starts)[I + 1]
                                        : static_cast<uint32_t>(Text.size());
    llvm::StringRef Piece = llvm::StringRef(Text).slice(B, E);
    uint64_t H = llvm::xxHash64(Piece);
    std::shared_ptr<const Chunk> C = Lookup(Next, H, Piece);
    if (!C) {
      C = Lookup(Cache, H, Piece);
      if (!C) {
        auto New = std::make_shared<Chunk>();
        New->Text = Piece.str();
        New->Diags = PerChunk.lint(Path.str(), New->Text, CS).Diags;
        New->HasRequired.assign(All.size(), 0);
        if (AnyDocRule) {
          Prose P = readDocument(Piece, S.Type);
          std::vector<RuleSet::Spans> Present;
          Rules.scanRequires(P.text(), Present);
          for (unsigned RI = 0; RI < All.size(); ++RI)
            if (All[RI].Kind == RuleKind::Document)
              for (unsigned X : Rules.requiresOf(RI))
                if (!Present[X].empty()) {
                  New->HasRequired[RI] = 1;
                  break;
                }
        }
        ++LastLinted;
        C = std::move(New);
      }
      Next.emplace(H, C);
    }
    Result.Parts.push_back({B, C});
  }

  // The first unqualified claim at warning or above (document rules
  // report there); chunks are in page order, and so are their findings.
  const Diagnostic *FirstClaim = nullptr;
  uint32_t FirstBase = 0;
  for (const LintResult::Part &P : Result.Parts) {
    for (const Diagnostic &D : P.Chunk->Diags)
      if (D.Sev >= Severity::Warning && D.Status == ClaimStatus::Unqualified &&
          (!FirstClaim || P.Base + D.Offset < FirstBase + FirstClaim->Offset ||
           (P.Base + D.Offset == FirstBase + FirstClaim->Offset &&
            before(D, *FirstClaim)))) {
        FirstClaim = &D;
        FirstBase = P.Base;
      }
    if (FirstClaim)
      break;
  }
  // Document rules, as Linter::lint decides them for the whole page.
  if (FirstClaim) {
    for (unsigned RI : DocRules) {
      bool Found = false;
      for (const LintResult::Part &P : Result.Parts)
        Found |= P.Chunk->HasRequired[RI] != 0;
      if (Found)
        continue;
      const Rule &R = All[RI];
      Diagnostic D;
      D.Path = Path.str();
      D.RuleId = R.Id;
      D.Sev = S.Override[RI].getValueOr(R.Sev);
      D.Offset = FirstBase + FirstClaim->Offset;
      D.Length = FirstClaim->Length;
      D.Match = FirstClaim->Match;
      D.Message = R.Message;
      for (size_t At = D.Message.find("{match}"); At != std::string::npos;
           At = D.Message.find("{match}", At + D.Match.size())) {
        D.Message.replace(At, 7, D.Match);
      }
      D.Note = R.Note;
      for (const Suggestion &Sg : R.Suggestions) {
        D.Suggestions.push_back(Sg.Text);
        D.SafeSuggestions.push_back(false);
      }
      if (D.Sev >= Opts.MinSeverity)
        Result.Whole.push_back(std::move(D));
    }
  }

  Cache = std::move(Next);
  return Result;
}

} // namespace lsp
} // namespace claimlint
