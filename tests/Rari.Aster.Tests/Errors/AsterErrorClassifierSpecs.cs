using Rari.Aster.Errors;
using Rari.Aster.Rest;
using Rari.Aster.Tests.Support;

namespace Rari.Aster.Tests.Errors;

public sealed class AsterErrorClassifierSpecs
{
    [Theory]
    [InlineData("""{"code":-1121,"msg":"Invalid symbol."}""", -1121, "Invalid symbol.")]
    [InlineData("""{"msg":"Order does not exist.","code":"-2013"}""", -2013, "Order does not exist.")]
    [InlineData("""{"code":-1022}""", -1022, "")]
    [InlineData("""{"code":"oops","msg":"?"}""", null, "?")]
    [InlineData("""{"extra":{"code":200},"code":-4164,"msg":"Order's notional must be no smaller than 5.0 (unless you choose reduce only)"}""", -4164, "Order's notional must be no smaller than 5.0 (unless you choose reduce only)")]
    public void Should_read_any_object_whose_code_is_not_200_as_an_error(string body, int? code, string message)
    {
        // act
        var isError = AsterErrorClassifier.TryReadError(body, out var error);

        // assert
        Assert.True(isError);
        Assert.Equal(new AsterVenueError(code, message), error);
    }

    [Theory]
    [InlineData("""{"code":200,"msg":"success"}""")]
    [InlineData("""{"code":"200","msg":"The operation of cancel all open order is done."}""")]
    [InlineData("""[{"code":-2022,"msg":"ReduceOnly Order is rejected."}]""")]
    [InlineData("""{"orderId":1001,"status":"NEW"}""")]
    [InlineData("{}")]
    [InlineData("<html>502 Bad Gateway</html>")]
    [InlineData("")]
    public void Should_not_read_successes_arrays_or_non_json_as_errors(string body)
    {
        // act
        var isError = AsterErrorClassifier.TryReadError(body, out _);

        // assert
        Assert.False(isError);
    }

    [Theory]
    [InlineData(418, -1003, AsterErrorCategory.IpBanned)]
    [InlineData(429, -1003, AsterErrorCategory.RateLimited)]
    [InlineData(429, null, AsterErrorCategory.RateLimited)]
    [InlineData(400, -1015, AsterErrorCategory.RateLimited)]
    [InlineData(503, -1001, AsterErrorCategory.UnknownExecutionStatus)]
    [InlineData(503, null, AsterErrorCategory.UnknownExecutionStatus)]
    [InlineData(200, -1006, AsterErrorCategory.UnknownExecutionStatus)]
    [InlineData(400, -1007, AsterErrorCategory.UnknownExecutionStatus)]
    [InlineData(500, -1000, AsterErrorCategory.ServerError)]
    [InlineData(502, null, AsterErrorCategory.ServerError)]
    [InlineData(400, -1016, AsterErrorCategory.ServerError)]
    [InlineData(401, -2015, AsterErrorCategory.Authentication)]
    [InlineData(400, -1022, AsterErrorCategory.Authentication)]
    [InlineData(400, -2014, AsterErrorCategory.Authentication)]
    [InlineData(400, -1002, AsterErrorCategory.Authentication)]
    [InlineData(401, null, AsterErrorCategory.Authentication)]
    [InlineData(400, -1021, AsterErrorCategory.InvalidTimestamp)]
    [InlineData(400, -4225, AsterErrorCategory.InvalidTimestamp)]
    [InlineData(403, null, AsterErrorCategory.Firewall)]
    [InlineData(400, -1121, AsterErrorCategory.InvalidRequest)]
    [InlineData(400, -1102, AsterErrorCategory.InvalidRequest)]
    [InlineData(400, -4015, AsterErrorCategory.InvalidRequest)]
    [InlineData(400, -4046, AsterErrorCategory.InvalidRequest)]
    [InlineData(404, null, AsterErrorCategory.InvalidRequest)]
    [InlineData(400, -4001, AsterErrorCategory.FilterViolation)]
    [InlineData(400, -4014, AsterErrorCategory.FilterViolation)]
    [InlineData(400, -4016, AsterErrorCategory.FilterViolation)]
    [InlineData(400, -4023, AsterErrorCategory.FilterViolation)]
    [InlineData(400, -4024, AsterErrorCategory.FilterViolation)]
    [InlineData(400, -4131, AsterErrorCategory.FilterViolation)]
    [InlineData(400, -4164, AsterErrorCategory.FilterViolation)]
    [InlineData(400, -5060, AsterErrorCategory.FilterViolation)]
    [InlineData(400, -5076, AsterErrorCategory.FilterViolation)]
    [InlineData(400, -2018, AsterErrorCategory.InsufficientMargin)]
    [InlineData(400, -2019, AsterErrorCategory.InsufficientMargin)]
    [InlineData(400, -4051, AsterErrorCategory.InsufficientMargin)]
    [InlineData(400, -2011, AsterErrorCategory.UnknownOrder)]
    [InlineData(400, -2013, AsterErrorCategory.UnknownOrder)]
    [InlineData(200, -2013, AsterErrorCategory.UnknownOrder)]
    [InlineData(400, -2010, AsterErrorCategory.OrderRejected)]
    [InlineData(400, -2021, AsterErrorCategory.OrderRejected)]
    [InlineData(400, -2022, AsterErrorCategory.OrderRejected)]
    [InlineData(400, -2025, AsterErrorCategory.OrderRejected)]
    [InlineData(400, -4061, AsterErrorCategory.OrderRejected)]
    [InlineData(400, -4142, AsterErrorCategory.OrderRejected)]
    [InlineData(null, null, AsterErrorCategory.Other)]
    public void Should_categorise_by_status_then_code(int? status, int? code, AsterErrorCategory expected)
    {
        // act
        var category = AsterErrorClassifier.Classify(status, code);

        // assert
        Assert.Equal(expected, category);
    }

    [Theory]
    [InlineData("Way too many requests; IP banned until 1562862532466. Please use the websocket for live updates to avoid bans.", 1562862532466L)]
    [InlineData("IP BANNED UNTIL 1750000000000", 1750000000000L)]
    public void Should_read_the_ban_end_from_the_message(string message, long expected)
    {
        // act
        var found = AsterErrorClassifier.TryReadBanEnd(message, out var until);

        // assert
        Assert.True(found);
        Assert.Equal(expected, until);
    }

    [Theory]
    [InlineData("Too many requests.")]
    [InlineData("banned until soon")]
    [InlineData(null)]
    public void Should_find_no_ban_end_where_none_is_named(string? message)
    {
        // act
        var found = AsterErrorClassifier.TryReadBanEnd(message, out _);

        // assert
        Assert.False(found);
    }

    [Theory]
    [InlineData(400, """{"code":-1121,"msg":"Invalid symbol."}""", AsterErrorCategory.InvalidRequest, -1121)]
    [InlineData(200, """{"code":-2011,"msg":"Unknown order sent."}""", AsterErrorCategory.UnknownOrder, -2011)]
    [InlineData(403, "<html>Forbidden</html>", AsterErrorCategory.Firewall, null)]
    [InlineData(401, """{"code":-2015,"msg":"Invalid API-key, IP, or permissions for action."}""", AsterErrorCategory.Authentication, -2015)]
    public async Task Should_throw_typed_errors_carrying_the_venues_code_and_message(int status, string body, AsterErrorCategory category, int? code)
    {
        // arrange
        await using var server = await LoopbackServer.StartAsync(_ => new ScriptedResponse(status, body));
        using var client = AsterRestClient.Create(TestAccounts.For(server));

        // act
        var error = await Assert.ThrowsAsync<AsterApiException>(() => client.GetServerTimeAsync());

        // assert
        Assert.Equal(category, error.Category);
        Assert.Equal(code, error.Code);
        Assert.Equal(status, error.HttpStatus);
        Assert.Equal("GET", error.Method);
        Assert.Equal("/fapi/v3/time", error.Path);
        Assert.Single(server.Requests);
    }
}
