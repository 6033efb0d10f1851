//===- Output/RuleInfo.cpp - Rule metadata for report formats -------------===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

#include "Output/RuleInfo.h"

#include "Engine/Linter.h"
#include "Rules/RuleSet.h"

namespace claimlint {

namespace {

/// GitHub rejects descriptions longer than 1024 characters; cut on a UTF-8
/// character boundary.
std::string limit(std::string S, size_t Max = 1024) {
  if (S.size() <= Max)
    return S;
  size_t Cut = Max - 3;
  while (Cut > 0 && (static_cast<unsigned char>(S[Cut]) & 0xC0) == 0x80)
    --Cut;
  S.resize(Cut);
  return S + "...";
}

std::string sentence(llvm::StringRef S) {
  S = S.trim();
  if (S.empty())
    return "";
  std::string Out = S.str();
  if (!S.endswith(".") && !S.endswith("!") && !S.endswith("?"))
    Out.push_back('.');
  return Out;
}

RuleInfo fromRule(const Rule &R) {
  RuleInfo I;
  I.Id = R.Id;
  I.Sev = R.Sev;
  I.ShortDescription = limit(R.Summary.empty() ? R.Id : R.Summary);
  I.FullDescription =
      limit(R.Rationale.empty()
                ? I.ShortDescription
                : sentence(I.ShortDescription) + " " + sentence(R.Rationale));
  std::string Text = sentence(I.ShortDescription);
  std::string Md = Text;
  if (!R.Note.empty()) {
    Text += "\n\nHow to fix: " + sentence(R.Note);
    Md += "\n\n**How to fix:** " + sentence(R.Note);
  }
  if (!R.Rationale.empty()) {
    Text += "\n\nWhy: " + sentence(R.Rationale);
    Md += "\n\n**Why:** " + sentence(R.Rationale);
  }
  if (!R.Suggestions.empty()) {
    Text += "\n\nSuggested rewrites:";
    Md += "\n\n**Suggested rewrites:**\n";
    for (const Suggestion &S : R.Suggestions) {
      Text += "\n- " + S.Text;
      Md += "\n- `" + S.Text + "`";
    }
  }
  if (!R.References.empty()) {
    Text += "\n\nReferences:";
    Md += "\n\n**References:**\n";
    for (const Reference &Ref : R.References) {
      Text += "\n- " + Ref.Title + " <" + Ref.Url + ">";
      Md += "\n- [" + Ref.Title + "](" + Ref.Url + ")";
    }
  }
  I.HelpText = Text;
  I.HelpMarkdown = Md;
  if (llvm::StringRef(R.Path).startswith("<builtin>/")) {
    llvm::StringRef Pack, Name;
    std::tie(Pack, Name) = llvm::StringRef(R.Id).split('/');
    if (!Name.empty())
      I.HelpUri =
          std::string(RuleDocsBaseUrl) + Pack.str() + "/" + Name.str() + ".md";
  }
  I.Tags = R.Tags;
  if (I.Tags.empty() && !R.Pack.empty())
    I.Tags.push_back(R.Pack);
  if (I.Tags.size() > 20)
    I.Tags.resize(20);
  return I;
}

} // namespace

RuleInfo describeRule(const RuleSet *Rules, llvm::StringRef Id) {
  if (Rules) {
    int Idx = Rules->find(Id);
    if (Idx >= 0)
      return fromRule(Rules->rules()[static_cast<size_t>(Idx)]);
  }
  RuleInfo I;
  I.Id = Id.str();
  for (const MetaRule &M : metaRules()) {
    if (Id != M.Id)
      continue;
    I.Sev = M.Sev;
    I.ShortDescription = limit(M.Summary);
    I.FullDescription =
        limit(sentence(M.Summary) +
              " This check is made by claimlint itself, about its inline "
              "directives and evidence annotations.");
    I.HelpText = sentence(M.Summary) +
                 "\n\nSee the inline directives and evidence annotations in "
                 "docs/configuration.md.";
    I.HelpMarkdown = sentence(M.Summary) +
                     "\n\nSee the inline directives and evidence annotations "
                     "in `docs/configuration.md`.";
    I.Tags.push_back("claimlint");
    return I;
  }
  I.ShortDescription = I.Id;
  I.FullDescription = "Findings of rule " + I.Id + ".";
  I.HelpText = "Run 'claimlint --explain " + I.Id + "' to see the rule.";
  I.HelpMarkdown = "Run `claimlint --explain " + I.Id + "` to see the rule.";
  return I;
}

} // namespace claimlint
