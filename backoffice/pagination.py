def querystring_without_page(request) -> str:
    """The current filters as a query string, for links to other pages of a list."""
    params = request.GET.copy()
    params.pop("page", None)
    return params.urlencode()
