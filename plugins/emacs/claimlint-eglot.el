;;; claimlint-eglot.el --- claimlint-lsp through eglot -*- lexical-binding: t -*-

;; Part of claimlint. SPDX-License-Identifier: Apache-2.0
;; Package-Requires: ((emacs "28.1") (eglot "1.9"))

;;; Commentary:

;; Registers claimlint-lsp with eglot for Markdown, HTML and text buffers and
;; passes the "claimlint" settings section (docs/editors.md).
;;
;;   (require 'claimlint-eglot)
;;   (setq claimlint-settings '(:minimumSeverity "warning"))
;;   (claimlint-eglot-setup)           ; and M-x eglot in a Markdown buffer,
;;   (claimlint-eglot-setup t)         ; or start it in every such buffer
;;
;; Emacs 28 has no eglot of its own: install it (Debian: elpa-eglot).
;; Quick fixes: M-x eglot-code-actions; hover: M-x eldoc.

;;; Code:

(require 'eglot)

(defgroup claimlint nil
  "Health-claim linting with claimlint-lsp."
  :group 'tools
  :prefix "claimlint-")

(defcustom claimlint-server-command '("claimlint-lsp" "--stdio")
  "The claimlint language server and its arguments."
  :type '(repeat string))

(defcustom claimlint-settings nil
  "The \"claimlint\" settings section, as a plist.
For example (:minimumSeverity \"warning\" :disable [\"health/fear-urgency\"])."
  :type 'plist)

(defcustom claimlint-modes
  '((markdown-mode :language-id "markdown")
    (gfm-mode :language-id "markdown")
    (html-mode :language-id "html")
    (mhtml-mode :language-id "html")
    (text-mode :language-id "plaintext"))
  "Major modes claimlint-lsp serves, with the language id eglot sends."
  :type '(repeat sexp))

(defun claimlint--workspace-configuration (_server)
  "The workspace configuration eglot answers claimlint-lsp with."
  (let ((base (if (functionp (default-value 'eglot-workspace-configuration))
                  nil
                (copy-sequence (default-value 'eglot-workspace-configuration)))))
    (plist-put base :claimlint claimlint-settings)))

;;;###autoload
(defun claimlint-eglot-setup (&optional auto-start)
  "Register claimlint-lsp with eglot.
With AUTO-START, start it in every buffer of `claimlint-modes'."
  (setq eglot-server-programs
        (cons (cons claimlint-modes claimlint-server-command)
              (cl-remove-if (lambda (entry) (equal (car entry) claimlint-modes))
                            eglot-server-programs)))
  (setq-default eglot-workspace-configuration
                #'claimlint--workspace-configuration)
  (when auto-start
    (dolist (entry claimlint-modes)
      (let ((mode (if (consp entry) (car entry) entry)))
        (add-hook (intern (format "%s-hook" mode)) #'eglot-ensure)))))

(provide 'claimlint-eglot)
;;; claimlint-eglot.el ends here
