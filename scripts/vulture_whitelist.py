# ruff: noqa
"""What vulture (default confidence, 60%) reports as unused in quiz/ but something does use.

Run: vulture quiz scripts/vulture_whitelist.py   (expect no output)

vulture reads Python only: it cannot see a name used by a framework (a decorated view, a
WTForms field, a hook another library calls), by a Jinja template, or by Alembic. Each entry
says which. Anything else it reports is dead code: remove it, don't add it here.
"""

# ---- Called by a library through a protocol or a decorator --------------------------------
__getattr__  # quiz/__init__.py: the module-level __getattr__ (PEP 562) that loads create_app
_.handle_starttag  # quiz/core/interchange/html_text.py: html.parser.HTMLParser callbacks
_.handle_endtag
_.handle_data
_.yaml_implicit_resolvers  # quiz/core/banks/yaml_reading.py: read by PyYAML's loader
_.isolation_level  # quiz/storage/engine.py: set on a DBAPI connection (sqlite3 reads it)
impl  # quiz/storage/models.py: SQLAlchemy TypeDecorator protocol
cache_ok
_.process_bind_param
_.process_result_value
type_annotation_map  # quiz/storage/models.py: read by SQLAlchemy's DeclarativeBase
DatabaseStorage  # quiz/storage/rate_limits.py: a `limits` storage, found by its scheme
STORAGE_SCHEME
_.base_exceptions
_.incr
_.get_expiry
_.api_token  # quiz/web/api/bearer.py: set on flask.g for the request
_.private  # quiz/web/api/routes.py: werkzeug's Cache-Control setters
_.no_cache
_.login_view  # quiz/web/auth/learner.py: Flask-Login's LoginManager settings
_.login_message
_.login_message_category
_.get_id  # Flask-Login's UserMixin protocol
load_account  # @login_manager.user_loader
regex  # quiz/web/converters.py: werkzeug's converter protocol
_.load_config  # quiz/web/server.py: gunicorn's BaseApplication protocol
_.load
_.validate_password  # quiz/web/auth/forms.py: WTForms inline validator (validate_<field>)
widget  # quiz/web/quiz/forms.py: WTForms field class attributes
option_widget
_.wrap_formdata  # quiz/web/page_forms.py: WTForms calls the form Meta's wrap_formdata

# ---- Flask views and hooks, registered by their decorators --------------------------------
_vary_on_accept  # @bp.after_request
csrf_token  # @bp.get routes of the API
openapi
run_status  # GET /api/runs/<id> (quiz/web/api/runs.py)
json_error  # @bp.errorhandler
login  # auth routes
account
logout
revoke_api_token
try_answer  # authors routes
template_helpers  # @bp.context_processor (authors, quiz)
csrf_error  # app-wide error handlers
http_error
internal_error
retry  # quiz routes
all_questions

# ---- Read by Jinja templates -----------------------------------------------------------------
_.passes  # templates/authors/question.html
_.caret_padding  # templates/authors/banks.html
_.is_text  # templates/authors/question.html
_.link_args  # templates/authors/bank.html
_.aria_sort
_.regraded  # templates/quiz/_verdict.html
weakest  # templates/progress/body.html
accuracy_chart
answers_chart
due_this_month
reviews_in_window
retention_weeks
submit  # every form's submit button, rendered by its template
confirm  # templates/auth/register.html and account.html

# ---- Data that is kept, not read by Python code -------------------------------------------
optimized_at  # quiz/storage/models.py: a column (when `quiz optimize` last fitted parameters)
_.optimized_at  # quiz/cli/flashcards.py writes it
by_surname  # quiz/core/parsing/names.py: NameMatch says which rule matched; tests pin it
down_revision  # quiz/storage/migrations: Alembic reads these from every revision file
branch_labels
depends_on
downgrade
