//===- Engine/Linter.cpp - Lint one file ----------------------------------===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

#include "Engine/Linter.h"

#include "Context/Segmenter.h"
#include "Engine/Directives.h"
#include "Support/LineIndex.h"

#include <algorithm>

namespace claimlint {

namespace {

const MetaRule Metas[] = {
    {"claimlint/unused-suppression", Severity::Info,
     "A suppression comment that suppresses nothing; remove it."},
    {"claimlint/invalid-directive", Severity::Warning,
     "A claimlint directive comment that cannot be understood."},
    {"claimlint/expired-evidence", Severity::Warning,
     "A claimlint-evidence annotation whose expiry date has passed."},
    {"claimlint/stale-evidence", Severity::Info,
     "A claimlint-evidence annotation that attaches to no claim."},
};

/// Prose chunks handed to the prefilter at once: whole blocks, at least this
/// many bytes. Each candidate pattern scans its whole chunk again for spans,
/// so small chunks win over fewer RE2::Set calls: with the default pack one
/// block at a time (0) is 2.3x faster than 2 KB chunks, and never slower than
/// 64-2048 bytes with 25 to 3,000 patterns (bench/MatchBench.cpp,
/// BM_DefaultPackChunkSize and BM_PatternSetChunkSize).
constexpr size_t ChunkBytes = 0;

struct RawMatch {
  unsigned Rule;
  unsigned Group;
  Range Span; // prose
};

std::string replaceAll(std::string S, llvm::StringRef From,
                       llvm::StringRef To) {
  size_t P = 0;
  while ((P = S.find(From.str(), P)) != std::string::npos) {
    S.replace(P, From.size(), To.str());
    P += To.size();
  }
  return S;
}

/// The matched source text on one line for messages.
std::string oneLine(llvm::StringRef S) {
  std::string Out;
  bool Space = false;
  for (char C : S) {
    if (C == '\n' || C == '\r' || C == '\t' || C == ' ') {
      Space = true;
      continue;
    }
    if (Space && !Out.empty())
      Out.push_back(' ');
    Space = false;
    Out.push_back(C);
  }
  return Out;
}

} // namespace

llvm::ArrayRef<MetaRule> metaRules() { return Metas; }

FileSettings defaultSettings(const RuleSet &Rules, FileType Type) {
  FileSettings S;
  S.Type = Type;
  S.Enabled.assign(Rules.rules().size(), 1);
  S.Override.assign(Rules.rules().size(), llvm::None);
  S.MetaEnabled.assign(std::size(Metas), 1);
  return S;
}

FileReport Linter::lint(std::string Path, std::string Text,
                        const FileSettings &S) const {
  FileReport Report;
  Report.Path = std::move(Path);
  Report.Type = S.Type;
  Report.Text = std::move(Text);
  llvm::StringRef Src = Report.Text;
  // Offsets are 32-bit inside the engine.
  if (Src.size() >= (1ull << 32) - 1) {
    Report.Error = "file is larger than 4 GiB";
    return Report;
  }
  // Offsets are bytes of the file as it is, so UTF-16 is not transcoded.
  if (Src.startswith("\xFF\xFE") || Src.startswith("\xFE\xFF")) {
    Report.Error = "the file is UTF-16 (it starts with a UTF-16 byte order "
                   "mark); claimlint reads UTF-8: convert it first, e.g. "
                   "with iconv -f UTF-16 -t UTF-8";
    return Report;
  }

  Prose P = readDocument(Src, S.Type);
  llvm::StringRef T = P.text();
  std::vector<Sentence> Sentences = segmentSentences(P);
  LineIndex Lines(Src);
  Directives Dirs = parseDirectives(P, Src, Lines);

  // 1. One prefilter pass over whole-block chunks, exact spans only for the
  // candidate patterns.
  std::vector<RawMatch> Raw;
  // The requirements of document rules, found in the same pass (step 3).
  std::vector<RuleSet::Spans> Present(Rules.requirements());
  const auto &Blocks = P.blocks();
  for (size_t BI = 0; BI < Blocks.size();) {
    uint32_t Begin = Blocks[BI].Text.Begin;
    uint32_t End = Blocks[BI].Text.End;
    ++BI;
    while (BI < Blocks.size() && End - Begin < ChunkBytes)
      End = Blocks[BI++].Text.End;
    llvm::StringRef Chunk = T.slice(Begin, End);
    Rules.findTriggers(
        Chunk,
        [&](RuleSet::Owner O, uint32_t B, uint32_t E) {
          if (!S.Enabled[O.Rule])
            return true;
          if (Chunk.slice(B, E).contains('\n'))
            return true; // never across blocks
          Raw.push_back({O.Rule, O.Group, {Begin + B, Begin + E}});
          return true;
        },
        &Present, Begin);
  }
  // Leftmost, then longest, per rule; overlapping matches of one rule merge
  // into the first.
  std::sort(Raw.begin(), Raw.end(), [](const RawMatch &X, const RawMatch &Y) {
    if (X.Rule != Y.Rule)
      return X.Rule < Y.Rule;
    if (X.Span.Begin != Y.Span.Begin)
      return X.Span.Begin < Y.Span.Begin;
    return X.Span.End > Y.Span.End;
  });
  {
    std::vector<RawMatch> Kept;
    for (const RawMatch &M : Raw) {
      if (!Kept.empty() && Kept.back().Rule == M.Rule &&
          M.Span.Begin < Kept.back().Span.End)
        continue;
      Kept.push_back(M);
    }
    Raw.swap(Kept);
  }

  auto SentenceOf = [&](uint32_t At) -> const Sentence * {
    auto It = std::upper_bound(
        Sentences.begin(), Sentences.end(), At,
        [](uint32_t V, const Sentence &Se) { return V < Se.Text.Begin; });
    if (It == Sentences.begin())
      return nullptr;
    return &*(It - 1);
  };

  std::vector<Diagnostic> Out;
  // At most one per claim, plus the few document and directive findings:
  // no doubling (a 10 MB page has about 25,000, and a Diagnostic is large).
  Out.reserve(Raw.size() + Dirs.Suppressions.size() + Dirs.Evidence.size() +
              Dirs.Problems.size() + 8);
  auto MakeDiag = [&](llvm::StringRef RuleId, Severity Sev, Range Orig,
                      std::string Message) {
    Diagnostic D;
    D.Path = Report.Path;
    D.RuleId = RuleId.str();
    D.Sev = Sev;
    D.Offset = Orig.Begin;
    D.Length = Orig.size();
    LineIndex::Position B = Lines.position(Orig.Begin);
    LineIndex::Position E = Lines.position(Orig.End);
    D.Line = B.Line;
    D.Column = B.Column;
    D.EndLine = E.Line;
    D.EndColumn = E.Column;
    D.Match = Src.slice(Orig.Begin, Orig.End).str();
    D.Message = std::move(Message);
    return D;
  };
  auto Suppressed = [&](llvm::StringRef RuleId, const Diagnostic &D) {
    bool Any = false;
    for (Suppression &Sup : Dirs.Suppressions)
      if (suppresses(Sup, RuleId, D.Offset, D.Line)) {
        Sup.Used = true;
        Any = true;
      }
    return Any;
  };

  // 2. Judge each claim in its sentence. Matches are grouped by rule, so
  // sort a copy by position to reuse one sentence scan for its claims.
  std::stable_sort(Raw.begin(), Raw.end(),
                   [](const RawMatch &X, const RawMatch &Y) {
                     return X.Span.Begin < Y.Span.Begin;
                   });
  SentenceCues Scan;
  uint32_t ScannedFor = 0;
  bool HaveScan = false;
  for (const RawMatch &M : Raw) {
    const Rule &R = Rules.rules()[M.Rule];
    const TriggerGroup &G = R.Triggers[M.Group];
    const Sentence *Se = SentenceOf(M.Span.Begin);
    Sentence Fallback{M.Span, 0};
    if (!Se || M.Span.Begin >= Se->Text.End)
      Se = &Fallback;
    // Exceptions: a claim inside an exception's match is not one.
    bool Excepted = false;
    for (unsigned X : Rules.exceptionsOf(M.Rule)) {
      llvm::StringRef SeText = T.slice(Se->Text.Begin, Se->Text.End);
      Rules.extras().findAll(X, SeText, [&](uint32_t B, uint32_t E) {
        if (Se->Text.Begin + B <= M.Span.Begin &&
            Se->Text.Begin + E >= M.Span.End) {
          Excepted = true;
          return false;
        }
        return true;
      });
      if (Excepted)
        break;
    }
    if (Excepted)
      continue;

    Severity Base = G.Sev.getValueOr(R.Sev);
    if (S.Override[M.Rule])
      Base = *S.Override[M.Rule];
    ClaimPolicy Policy = R.Policy;
    if (G.HedgeImmune)
      Policy.HedgeImmune = *G.HedgeImmune;

    ContextResult Ctx;
    EvidenceNote *Note = nullptr;
    for (EvidenceNote &E : Dirs.Evidence)
      if (M.Span.Begin >= E.ProseBegin && M.Span.Begin < E.ProseEnd) {
        Note = &E;
        break;
      }
    Decision Dec;
    if (Opts.UseContext && Policy.UseContext) {
      // Cues are searched once per sentence, however many claims it has.
      if (ScannedFor != Se->Text.Begin || !HaveScan) {
        Scan = A.scan(T, *Se);
        ScannedFor = Se->Text.Begin;
        HaveScan = true;
      }
      Ctx = A.analyze(Scan, M.Span);
      if (Note)
        Ctx.Reviewed = true;
      Dec = Analyzer::decide(Base, Policy, Ctx);
    } else {
      Dec.Sev = Base;
      Dec.Explanation = "unqualified";
    }
    if (!Dec.Sev) {
      if (!Opts.ShowQualified)
        continue;
      Dec.Sev = Severity::Info;
    }
    Range Orig = P.toOriginal(M.Span);
    std::string MatchText = oneLine(Src.slice(Orig.Begin, Orig.End));
    std::string Msg = replaceAll(G.Message.empty() ? R.Message : G.Message,
                                 "{match}", MatchText);
    if (Dec.Status != ClaimStatus::Unqualified && !Dec.Explanation.empty())
      Msg += " (" + Dec.Explanation + ")";
    Diagnostic D = MakeDiag(R.Id, *Dec.Sev, Orig, std::move(Msg));
    D.Note = R.Note;
    D.Status = Dec.Status;
    D.Explanation = Dec.Explanation;
    for (const Suggestion &Sg : R.Suggestions)
      if (llvm::Optional<std::string> Text = Sg.fill(D.Match)) {
        D.Suggestions.push_back(std::move(*Text));
        D.SafeSuggestions.push_back(Sg.Safe);
      }
    for (const Cue &C : Dec.Cues) {
      Range CO = P.toOriginal(C.Span);
      D.Cues.push_back({cueKindName(C.Kind).str(), CO.Begin, CO.size(),
                        oneLine(Src.slice(CO.Begin, CO.End))});
    }
    if (Note) {
      Note->Used = true;
      D.Evidence = Note->Evidence;
      D.Reviewer = Note->Reviewer;
      D.ReviewedOn = Note->ReviewedOn;
      D.Expires = Note->Expires;
    }
    if (Suppressed(R.Id, D))
      continue;
    Out.push_back(std::move(D));
  }
  std::sort(Out.begin(), Out.end(),
            [](const Diagnostic &X, const Diagnostic &Y) {
              return std::tie(X.Offset, X.Length, X.RuleId) <
                     std::tie(Y.Offset, Y.Length, Y.RuleId);
            });

  // 3. Document rules: a page with claims needs what they require.
  const Diagnostic *FirstClaim = nullptr;
  for (const Diagnostic &D : Out)
    if (D.Sev >= Severity::Warning && D.Status == ClaimStatus::Unqualified) {
      FirstClaim = &D;
      break;
    }
  if (FirstClaim) {
    std::vector<Diagnostic> DocDiags;
    // Requirements the phrase matcher does not model: RE2, once a document
    // rule needs them.
    bool Scanned = false;
    for (unsigned RI = 0; RI < Rules.rules().size(); ++RI) {
      const Rule &R = Rules.rules()[RI];
      if (R.Kind != RuleKind::Document || !S.Enabled[RI])
        continue;
      // A required phrase inside a claim does not count: "risk-free" names
      // no risk.
      bool Found = false;
      for (unsigned X : Rules.requiresOf(RI)) {
        if (!Scanned) {
          Rules.scanRequiresRe2(T, Present);
          Scanned = true;
        }
        for (auto [B, E] : Present[X]) {
          // Raw is sorted by start: look at the claims around [B, E).
          auto It = std::upper_bound(
              Raw.begin(), Raw.end(), B,
              [](uint32_t V, const RawMatch &M) { return V < M.Span.Begin; });
          if (It != Raw.end() && It->Span.Begin < E)
            continue; // a claim starts inside: keep looking
          bool InClaim = false;
          for (auto J = It; J != Raw.begin() && (J - 1)->Span.Begin + 256 > B;
               --J)
            if ((J - 1)->Span.End > B) {
              InClaim = true; // inside an earlier claim
              break;
            }
          if (!InClaim) {
            Found = true;
            break;
          }
        }
        if (Found)
          break;
      }
      if (Found)
        continue;
      Severity Sev = S.Override[RI].getValueOr(R.Sev);
      Diagnostic D = MakeDiag(
          R.Id, Sev,
          {FirstClaim->Offset, FirstClaim->Offset + FirstClaim->Length},
          replaceAll(R.Message, "{match}", FirstClaim->Match));
      D.Note = R.Note;
      for (const Suggestion &Sg : R.Suggestions) {
        D.Suggestions.push_back(Sg.Text);
        D.SafeSuggestions.push_back(false); // never replaces the claim
      }
      if (!Suppressed(R.Id, D))
        DocDiags.push_back(std::move(D));
    }
    for (Diagnostic &D : DocDiags)
      Out.push_back(std::move(D));
  }

  // 4. Directives themselves.
  auto Meta = [&](MetaRuleIndex I, Range Src2, std::string Msg) {
    if (!S.MetaEnabled[I])
      return;
    Diagnostic D = MakeDiag(Metas[I].Id, Metas[I].Sev, Src2, std::move(Msg));
    if (I != UnusedSuppression && Suppressed(Metas[I].Id, D))
      return;
    Out.push_back(std::move(D));
  };
  for (auto &Pr : Dirs.Problems)
    Meta(InvalidDirective, Pr.first, Pr.second);
  for (const EvidenceNote &E : Dirs.Evidence) {
    if (!E.Expires.empty() && !Opts.Today.empty() && E.Expires < Opts.Today)
      Meta(ExpiredEvidence, E.Source,
           "evidence '" + E.Evidence + "' expired on " + E.Expires +
               "; review it again");
    if (!E.Used)
      Meta(StaleEvidence, E.Source,
           "evidence annotation '" + E.Evidence +
               "' attaches to no claim; move it above the claim or remove it");
  }
  for (const Suppression &Sup : Dirs.Suppressions) {
    if (Sup.Used)
      continue;
    std::string What;
    for (const std::string &R : Sup.Rules)
      What += (What.empty() ? "" : ", ") + R;
    Meta(UnusedSuppression, Sup.Source,
         What.empty() ? "suppression matches no finding"
                      : "suppression of '" + What + "' matches no finding");
  }

  // 5. Filter and order.
  Out.erase(std::remove_if(
                Out.begin(), Out.end(),
                [&](const Diagnostic &D) { return D.Sev < Opts.MinSeverity; }),
            Out.end());
  std::sort(Out.begin(), Out.end(),
            [](const Diagnostic &X, const Diagnostic &Y) {
              return std::tie(X.Offset, X.Length, X.RuleId) <
                     std::tie(Y.Offset, Y.Length, Y.RuleId);
            });
  Report.Diags = std::move(Out);
  return Report;
}

} // namespace claimlint
