using System.Linq.Expressions;

namespace KopUkm.Dashboard.Features.Security;

/// <summary>Filters a query to the divisions the user may see, in the database, before paging.</summary>
public static class DivisionScope
{
    public static IQueryable<T> VisibleTo<T>(this IQueryable<T> query, UserContext user, Expression<Func<T, int>> divisionOf)
    {
        if (user.SeesAllDivisions)
        {
            return query;
        }

        var own = user.DivisionId ?? -1;
        var parameter = divisionOf.Parameters[0];
        var predicate = Expression.Lambda<Func<T, bool>>(
            Expression.Equal(divisionOf.Body, Expression.Constant(own)), parameter);
        return query.Where(predicate);
    }
}
