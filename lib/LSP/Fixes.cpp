//===- LSP/Fixes.cpp - Quick fixes and hover text for a finding -----------===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

#include "LSP/Fixes.h"

#include "Context/Segmenter.h"
#include "Engine/Linter.h"
#include "Markup/Reader.h"
#include "Support/LineIndex.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSwitch.h"

#include <algorithm>

namespace claimlint {
namespace lsp {

namespace {

/// Hedge phrase put in front of a sentence; "suggest~" is in the lexicon's
/// hedge class, and it reaches claims up to scopeWords words later.
constexpr llvm::StringLiteral SentenceHedge = "Some research suggests that ";
/// Hedge put right before a claim that sits later in its sentence.
constexpr llvm::StringLiteral WordHedge = "possibly ";
/// At most this many words may stand between the sentence start and the
/// claim for the sentence hedge to still reach it.
constexpr unsigned MaxWordsBefore = 5;

std::string curly(llvm::StringRef S) {
  std::string One;
  for (char C : S)
    One.push_back(C == '\n' || C == '\r' || C == '\t' ? ' ' : C);
  if (One.size() > 60)
    One = One.substr(0, 57) + "...";
  return "\xE2\x80\x98" + One + "\xE2\x80\x99"; // 'single curly quotes'
}

/// The line break the document uses ("\r\n" if its first break is one).
llvm::StringRef lineBreak(llvm::StringRef Text) {
  size_t NL = Text.find('\n');
  if (NL != llvm::StringRef::npos && NL > 0 && Text[NL - 1] == '\r')
    return "\r\n";
  return "\n";
}

unsigned countWords(llvm::StringRef S) {
  unsigned N = 0;
  bool In = false;
  for (char C : S) {
    bool Space = C == ' ' || C == '\t' || C == '\n' || C == '\r';
    if (!Space && !In)
      ++N;
    In = !Space;
  }
  return N;
}

/// Words that start a sentence without being names, so lower-casing them
/// after a prefix is safe.
bool commonStarter(llvm::StringRef W) {
  return llvm::StringSwitch<bool>(W)
      .Cases("This", "These", "That", "Those", "The", "Our", "Your", true)
      .Cases("It", "Its", "They", "Their", "We", "You", "A", "An", true)
      .Cases("She", "He", "People", "Patients", "Studies", "Research", true)
      .Cases("Most", "Many", "All", "Every", "Each", "Some", "My", true)
      .Cases("Regular", "Daily", "Taking", "Using", "Drinking", true)
      .Default(false);
}

struct Located {
  bool Found = false;
  uint32_t SentenceBegin = 0, SentenceEnd = 0; ///< original offsets
  uint32_t BlockBegin = 0;                     ///< original offset
};

Located locate(llvm::StringRef Text, FileType Type, uint32_t Offset) {
  Located L;
  Prose P = readDocument(Text, Type);
  uint32_t At = P.fromOriginal(Offset);
  std::vector<Sentence> Sentences = segmentSentences(P);
  auto It = std::upper_bound(
      Sentences.begin(), Sentences.end(), At,
      [](uint32_t V, const Sentence &S) { return V < S.Text.Begin; });
  if (It == Sentences.begin())
    return L;
  const Sentence &S = *(It - 1);
  if (At >= S.Text.End)
    return L;
  Range SO = P.toOriginal(S.Text);
  L.Found = true;
  L.SentenceBegin = SO.Begin;
  L.SentenceEnd = SO.End;
  L.BlockBegin = SO.Begin;
  if (S.Block < P.blocks().size())
    L.BlockBegin = P.toOriginal(P.blocks()[S.Block].Text).Begin;
  return L;
}

bool hasComments(FileType T) {
  return T == FileType::Markdown || T == FileType::Html;
}

bool isUpperAscii(char C) { return C >= 'A' && C <= 'Z'; }
bool isLowerAscii(char C) { return C >= 'a' && C <= 'z'; }

/// A capital when the match has one ("Cures"), not for an acronym ("FDA").
std::string matchCase(llvm::StringRef Match, std::string Replacement) {
  bool Acronym = Match.size() > 1 && isUpperAscii(Match[1]);
  if (!Match.empty() && !Replacement.empty() && isUpperAscii(Match[0]) &&
      !Acronym && isLowerAscii(Replacement[0]))
    Replacement[0] = static_cast<char>(Replacement[0] - 'a' + 'A');
  return Replacement;
}

std::string escapeMarkdown(llvm::StringRef S) {
  std::string Out;
  for (char C : S) {
    if (llvm::StringRef("\\`*_[]<>#|").contains(C))
      Out.push_back('\\');
    Out.push_back(C == '\n' || C == '\r' ? ' ' : C);
  }
  return Out;
}

} // namespace

std::string applyEdits(llvm::StringRef Text, const std::vector<TextEdit> &E) {
  std::string Out;
  size_t At = 0;
  for (const TextEdit &Ed : E) {
    size_t B = std::min<size_t>(Ed.Offset, Text.size());
    if (B < At)
      B = At;
    Out += Text.slice(At, B).str();
    Out += Ed.NewText;
    At = std::min<size_t>(B + Ed.Length, Text.size());
  }
  Out += Text.drop_front(At).str();
  return Out;
}

std::vector<Fix> fixesFor(const Diagnostic &D, const FixInput &In) {
  std::vector<Fix> Out;
  llvm::StringRef Text = In.Text;
  if (D.Offset > Text.size() || D.Offset + D.Length > Text.size())
    return Out;
  llvm::StringRef Match = Text.substr(D.Offset, D.Length);
  llvm::StringRef EOL = lineBreak(Text);
  LineIndex Lines(Text);
  unsigned Line = Lines.position(D.Offset).Line;

  // The engine's own checks: only the stale comment can go.
  if (!In.R) {
    if (D.RuleId == metaRules()[UnusedSuppression].Id ||
        D.RuleId == metaRules()[StaleEvidence].Id) {
      uint32_t B = D.Offset, E = D.Offset + D.Length;
      // A comment alone on its line takes the line with it.
      LineIndex::Position PB = Lines.position(B), PE = Lines.position(E);
      llvm::StringRef LT = Lines.lineText(PB.Line);
      if (PB.Line == PE.Line && LT.trim() == Text.slice(B, E).trim() &&
          PB.Line < Lines.lineCount()) {
        B = static_cast<uint32_t>(Lines.lineStart(PB.Line));
        E = static_cast<uint32_t>(Lines.lineStart(PB.Line + 1));
      }
      Out.push_back({FixKind::RemoveDirective,
                     D.RuleId == metaRules()[UnusedSuppression].Id
                         ? "Remove the unused suppression comment"
                         : "Remove the evidence annotation",
                     {{B, E - B, ""}},
                     true});
    }
    return Out;
  }

  const Rule &R = *In.R;
  if (R.Kind == RuleKind::Document) {
    // Suggestions are the statements the page lacks: add one at the end.
    for (const Suggestion &S : R.Suggestions) {
      std::string Add;
      uint32_t At = static_cast<uint32_t>(Text.size());
      if (In.Type == FileType::Html) {
        std::string Lower = Text.lower();
        size_t Body = Lower.rfind("</body");
        if (Body != std::string::npos)
          At = static_cast<uint32_t>(Body);
        Add = "<p>" + S.Text + "</p>" + EOL.str();
      } else {
        if (!Text.empty() && !Text.endswith("\n") && !Text.endswith("\r"))
          Add += EOL.str();
        Add += EOL.str() + S.Text + EOL.str();
      }
      Out.push_back({FixKind::AddRequired,
                     "Add " + curly(S.Text) + " to the page",
                     {{At, 0, Add}},
                     Out.empty()});
    }
  } else {
    // 1. The rule's rewrites of the matched text.
    bool PreferredSet = false;
    for (size_t I = 0; I < R.Suggestions.size(); ++I) {
      const Suggestion &S = R.Suggestions[I];
      llvm::Optional<std::string> Filled = S.fill(Match);
      if (!Filled)
        continue;
      std::string New = matchCase(Match, *Filled);
      if (New == Match)
        continue;
      bool Pref = S.Safe && !PreferredSet;
      PreferredSet |= Pref;
      Out.push_back({FixKind::Rewrite,
                     "Replace " + curly(Match) + " with " + curly(New),
                     {{D.Offset, D.Length, New}},
                     Pref});
    }
    Located L = locate(Text, In.Type, D.Offset);
    // 2. A hedge, where a hedge qualifies this rule's claims.
    if (L.Found && D.Status == ClaimStatus::Unqualified &&
        !R.Policy.HedgeImmune && R.Policy.UseContext) {
      llvm::StringRef Before = Text.slice(L.SentenceBegin, D.Offset);
      if (countWords(Before) <= MaxWordsBefore) {
        std::vector<TextEdit> E;
        llvm::StringRef First = Text.drop_front(L.SentenceBegin);
        size_t WEnd = First.find_first_of(" \t\r\n,.;:!?");
        llvm::StringRef Word = First.take_front(WEnd);
        if (commonStarter(Word)) {
          E.push_back({L.SentenceBegin, 1,
                       SentenceHedge.str() + llvm::toLower(Word[0])});
        } else {
          E.push_back({L.SentenceBegin, 0, SentenceHedge.str()});
        }
        Out.push_back(
            {FixKind::Hedge,
             "Hedge the claim: " + curly(SentenceHedge.str() + "\xE2\x80\xA6"),
             std::move(E), false});
      } else {
        Out.push_back(
            {FixKind::Hedge,
             "Hedge the claim: " + curly(WordHedge.str() + Match.str()),
             {{D.Offset, 0, WordHedge.str()}},
             false});
      }
    }
    // 3. A citation placeholder at the end of the sentence.
    if (L.Found && D.Status != ClaimStatus::Cited &&
        D.Status != ClaimStatus::Reviewed) {
      uint32_t At = L.SentenceEnd;
      uint32_t K = At;
      while (K > L.SentenceBegin &&
             llvm::StringRef("\"')]").contains(Text[K - 1]))
        --K;
      // Closing curly quotes (U+2019, U+201D) are three bytes each.
      while (K >= L.SentenceBegin + 3 &&
             (Text.substr(K - 3, 3) == "\xE2\x80\x99" ||
              Text.substr(K - 3, 3) == "\xE2\x80\x9D"))
        K -= 3;
      if (K > L.SentenceBegin && llvm::StringRef(".!?").contains(Text[K - 1]))
        At = K - 1;
      Out.push_back({FixKind::Citation,
                     "Add a citation placeholder",
                     {{At, 0, " [citation needed]"}},
                     false});
    }
    // 4. An evidence annotation above the paragraph.
    if (L.Found && hasComments(In.Type) && D.Status != ClaimStatus::Reviewed) {
      unsigned BL = Lines.position(L.BlockBegin).Line;
      uint32_t LS = static_cast<uint32_t>(Lines.lineStart(BL));
      llvm::StringRef LT = Lines.lineText(BL);
      llvm::StringRef Indent = LT.take_front(LT.find_first_not_of(" \t"));
      std::string Note = Indent.str() +
                         "<!-- claimlint-evidence: SOURCE; reviewed-by: NAME; "
                         "reviewed: " +
                         (In.Today.empty() ? "YYYY-MM-DD" : In.Today) + " -->" +
                         EOL.str();
      Out.push_back({FixKind::Evidence,
                     "Add an evidence annotation above the paragraph",
                     {{LS, 0, Note}},
                     false});
    }
  }
  // 5. Suppress this finding on this line, with a reason to fill in.
  if (hasComments(In.Type)) {
    llvm::StringRef LT = Lines.lineText(Line);
    uint32_t End = static_cast<uint32_t>(Lines.lineStart(Line) + LT.size());
    Out.push_back(
        {FixKind::DisableLine,
         "Disable " + R.Id + " for this line",
         {{End, 0,
           " <!-- claimlint-disable-line " + R.Id + " -- reason: REASON -->"}},
         false});
  }
  return Out;
}

std::string hoverText(const Diagnostic &D, const Rule *R,
                      llvm::StringRef DocsUrl, bool Markdown) {
  std::string S;
  auto Esc = [&](llvm::StringRef T) {
    return Markdown ? escapeMarkdown(T) : T.str();
  };
  auto Bold = [&](llvm::StringRef T) {
    return Markdown ? "**" + T.str() + "**" : T.str();
  };
  const char *Para = "\n\n";
  S += Bold(D.RuleId) + " (" + severityName(D.Sev).str() + ")";
  if (R && !R->Summary.empty())
    S += ": " + Esc(R->Summary);
  S += Para;
  S += Esc(D.Message) + Para;
  if (!R || R->Kind == RuleKind::Claim) {
    S += Bold("Status:") + " " + claimStatusName(D.Status).str();
    if (!D.Explanation.empty() &&
        D.Explanation != claimStatusName(D.Status).str())
      S += " (" + Esc(D.Explanation) + ")";
    S += Para;
    if (!D.Cues.empty()) {
      S += Bold("Cues:");
      for (size_t I = 0; I < D.Cues.size(); ++I)
        S += std::string(I ? ";" : "") + " " + D.Cues[I].Kind +
             " \xE2\x80\x9C" + Esc(D.Cues[I].Text) + "\xE2\x80\x9D";
      S += Para;
    } else if (D.Status == ClaimStatus::Unqualified && R) {
      S += "No hedge, citation, negation or reporting frame qualifies it in "
           "its sentence." +
           std::string(Para);
    }
  }
  if (!D.Evidence.empty()) {
    S += Bold("Evidence:") + " " + Esc(D.Evidence);
    if (!D.Reviewer.empty())
      S += ", reviewed by " + Esc(D.Reviewer);
    if (!D.ReviewedOn.empty())
      S += " on " + Esc(D.ReviewedOn);
    if (!D.Expires.empty())
      S += ", expires " + Esc(D.Expires);
    S += Para;
  }
  if (R && !R->Rationale.empty())
    S += Bold("Why it is flagged:") + " " + Esc(R->Rationale) + Para;
  if (R && !R->References.empty()) {
    S += Bold("Regulatory basis:") + "\n";
    for (const Reference &Ref : R->References) {
      if (Markdown)
        S += "- [" + escapeMarkdown(Ref.Title) + "](" + Ref.Url + ")\n";
      else
        S += "- " + Ref.Title + " <" + Ref.Url + ">\n";
    }
    S += "\n";
  }
  if (!D.Note.empty())
    S += Bold("How to fix:") + " " + Esc(D.Note) + Para;
  if (!D.Suggestions.empty() && (!R || R->Kind == RuleKind::Claim)) {
    S += Bold("Suggested rewrites:");
    for (size_t I = 0; I < D.Suggestions.size(); ++I)
      S += std::string(I ? "," : "") + " \xE2\x80\x9C" + Esc(D.Suggestions[I]) +
           "\xE2\x80\x9D";
    S += Para;
  }
  if (!DocsUrl.empty())
    S += Markdown ? "[Rule documentation](" + DocsUrl.str() + ")"
                  : "Rule documentation: " + DocsUrl.str();
  while (!S.empty() && S.back() == '\n')
    S.pop_back();
  return S;
}

} // namespace lsp
} // namespace claimlint
