// STUB: replaced by the real analyzer.
#include "Context/Analyzer.h"
namespace claimlint {
struct Analyzer::Impl {};
Analyzer::Analyzer(std::unique_ptr<Impl> I) : I(std::move(I)) {}
Analyzer::~Analyzer() = default;
llvm::StringRef claimStatusName(ClaimStatus S) {
  switch (S) {
  case ClaimStatus::Unqualified: return "unqualified";
  case ClaimStatus::Hedged: return "hedged";
  case ClaimStatus::Negated: return "negated";
  case ClaimStatus::Cited: return "cited";
  case ClaimStatus::Reported: return "reported";
  case ClaimStatus::Reviewed: return "reviewed";
  }
  return "unqualified";
}
llvm::Optional<ClaimStatus> parseClaimStatus(llvm::StringRef S) {
  for (auto St : {ClaimStatus::Unqualified, ClaimStatus::Hedged,
                  ClaimStatus::Negated, ClaimStatus::Cited,
                  ClaimStatus::Reported, ClaimStatus::Reviewed})
    if (claimStatusName(St) == S)
      return St;
  return llvm::None;
}
llvm::Expected<std::unique_ptr<Analyzer>> Analyzer::create(const Lexicon &) {
  return std::unique_ptr<Analyzer>(new Analyzer(std::make_unique<Impl>()));
}
ContextResult Analyzer::analyze(llvm::StringRef, const Sentence &, Range) const {
  return {};
}
Decision Analyzer::decide(Severity Base, const ClaimPolicy &,
                          const ContextResult &) {
  Decision D;
  D.Sev = Base;
  D.Explanation = "unqualified";
  return D;
}
} // namespace claimlint
